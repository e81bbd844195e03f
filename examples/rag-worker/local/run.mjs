// Runs the RAG Worker in workerd (npm `workerd`) as its wrangler.toml describes it, with the in-memory
// Vectorize stand-in (vectorize-service.ts) bound under the [[vectorize]] entry's name.
// `node examples/rag-worker/local/run.mjs` (after `npm run build`) starts it against the local emulator.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { bundleWorker, launchWorkerd, workerdBinary } from "../../../worker-example/local/run-worker.mjs";
import { bindingEnvName } from "../../../worker-example/local/workerd-config.mjs";
import { parseToml, readWranglerToml } from "../../../worker-example/local/wrangler-toml.mjs";

export const exampleDir = fileURLToPath(new URL("../", import.meta.url));

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The `binding` of the single [[vectorize]] entry. */
export function vectorizeBinding(wranglerToml) {
  const entries = parseToml(readFileSync(wranglerToml, "utf8")).vectorize;
  if (!Array.isArray(entries) || entries.length !== 1) throw new Error("wrangler.toml must have exactly one [[vectorize]] entry");
  const { binding, index_name: indexName } = entries[0];
  if (typeof binding !== "string" || !IDENTIFIER.test(binding) || typeof indexName !== "string") throw new Error("[[vectorize]] needs binding (an identifier) and index_name");
  return binding;
}

/** The stand-in as a module for workerd: "cloudflare:workers" is workerd's own, so it stays an import. */
async function bundleStandIn(outFile) {
  await build({
    entryPoints: [join(exampleDir, "local/vectorize-service.ts")],
    outfile: outFile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    external: ["cloudflare:workers"],
    target: "es2022",
    logLevel: "silent",
  });
}

/** Cap'n Proto text config: the Worker, the stand-in as a service bound to it, outbound to public hosts and loopback. */
export function ragWorkerdConfig({ compatibilityDate, compatibilityFlags, bindingNames, vectorize, dimensions, address }) {
  for (const name of [...bindingNames, vectorize]) if (!IDENTIFIER.test(name)) throw new Error(`Binding name ${JSON.stringify(name)} is not an identifier`);
  if (!/^\d+$/.test(dimensions)) throw new Error(`EMBEDDING_DIMENSIONS must be an integer, got ${JSON.stringify(dimensions)}`);
  const flags = compatibilityFlags.map((flag) => JSON.stringify(flag)).join(", ");
  const bindings = [
    ...bindingNames.map((name) => `(name = "${name}", fromEnvironment = "${bindingEnvName(name)}")`),
    `(name = "${vectorize}", service = "vectorize")`,
  ];
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .ragWorker),
    (name = "vectorize", worker = .vectorizeStandIn),
    (name = "outbound", network = (allow = ["public", "local"], tlsOptions = (trustBrowserCas = true))),
  ],
  sockets = [(name = "http", address = ${JSON.stringify(address)}, http = (), service = "main")],
);

const ragWorker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
  compatibilityFlags = [${flags}],
  bindings = [
    ${bindings.join(",\n    ")}
  ],
  globalOutbound = "outbound",
);

const vectorizeStandIn :Workerd.Worker = (
  modules = [(name = "vectorize.mjs", esModule = embed "vectorize.mjs")],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
  compatibilityFlags = [${flags}],
  bindings = [(name = "DIMENSIONS", text = "${dimensions}")],
);
`;
}

/**
 * Starts the Worker on 127.0.0.1 (port 0: workerd picks one). `bindings` add to and override
 * wrangler.toml's [vars] (pass secrets there); `compatibilityFlags` replaces wrangler.toml's.
 */
export async function startRagWorker(options = {}) {
  const wranglerToml = options.wranglerToml ?? join(exampleDir, "wrangler.toml");
  const toml = readWranglerToml(wranglerToml);
  const { binary, compatibilityDate: newest } = workerdBinary();
  if (toml.compatibilityDate > newest) throw new Error(`wrangler.toml asks for compatibility date ${toml.compatibilityDate}; the installed workerd supports up to ${newest}`);
  const dir = mkdtempSync(join(tmpdir(), "bedrock-edge-rag-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await Promise.all([bundleWorker(join(exampleDir, toml.main), join(dir, "worker.mjs")), bundleStandIn(join(dir, "vectorize.mjs"))]);
    const bindings = { ...toml.vars, ...options.bindings };
    writeFileSync(
      join(dir, "config.capnp"),
      ragWorkerdConfig({
        compatibilityDate: toml.compatibilityDate,
        compatibilityFlags: options.compatibilityFlags ?? toml.compatibilityFlags,
        bindingNames: Object.keys(bindings),
        vectorize: vectorizeBinding(wranglerToml),
        dimensions: String(bindings.EMBEDDING_DIMENSIONS ?? ""),
        address: `127.0.0.1:${options.port ?? 0}`,
      }),
    );
    // Secrets travel in the child's environment, never on disk; the caller's own AWS variables stay out.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(AWS_|BEDROCK_)/.test(key)));
    for (const [name, value] of Object.entries(bindings)) env[bindingEnvName(name)] = value;
    return await launchWorkerd(binary, "config.capnp", dir, env, options.onOutput, cleanup);
  } catch (error) {
    cleanup();
    throw error;
  }
}

// As a script: the emulator on loopback, the Worker against it, until Ctrl-C.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { startEmulator, EMULATOR_CREDENTIALS } = await import("bedrock-edge/testing/node");
  const emulator = await startEmulator();
  const worker = await startRagWorker({
    port: Number(process.env.PORT ?? 8788),
    bindings: { BEDROCK_ENDPOINT: emulator.url, AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey },
    onOutput: (text) => process.stderr.write(text),
  });
  console.log(`RAG Worker at ${worker.url} (Bedrock: the local emulator at ${emulator.url}; Vectorize: in memory)`);
  const quit = async () => {
    await worker.stop();
    await emulator.close();
    process.exit(0);
  };
  process.once("SIGINT", quit);
  process.once("SIGTERM", quit);
}
