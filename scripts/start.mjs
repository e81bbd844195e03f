// `npm start`: runs the Worker example (wrangler.toml, worker-example/) locally in workerd, shows one
// streamed reply on the terminal, then serves the chat page until Ctrl-C. With no AWS credentials or
// Bedrock API key in the environment the Worker talks to the local emulator; with them, to Bedrock.
//
// Environment: AWS_BEARER_TOKEN_BEDROCK or AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN);
// AWS_REGION, BEDROCK_MODEL_ID and BEDROCK_ENDPOINT override wrangler.toml's [vars] when credentials are set;
// CHAT_ACCESS_TOKEN is the page's access token (against Bedrock one is made up when it is not set);
// PORT (default 8787 when serving, any free port otherwise); START_ONCE=1 (or CI, or no terminal on
// stdin) exits after the demo reply.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { startWorker, workerdBinary } from "../worker-example/local/run-worker.mjs";
import { readWranglerToml } from "../worker-example/local/wrangler-toml.mjs";

const PROMPT = "I love programming.";
const env = process.env;
const truthy = (value) => value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
const once = truthy(env.START_ONCE) || truthy(env.CI) || !process.stdin.isTTY;

// `npm start` passes --build: tsc takes several seconds, so say what the wait is for.
if (process.argv.includes("--build")) {
  console.log("Building dist/ (tsc -p tsconfig.build.json)…");
  const started = performance.now();
  // npm_execpath is npm's own CLI when npm runs this script, which works on every platform.
  const npm = env.npm_execpath ? [process.execPath, env.npm_execpath] : ["npm"];
  const build = spawnSync(npm[0], [...npm.slice(1), "run", "build", "--silent"], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed (see above); nothing was started.");
    process.exit(build.status ?? 1);
  }
  console.log(`Built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

if (!existsSync(new URL("../dist/index.js", import.meta.url))) {
  console.error("dist/ is missing: run `npm start` (which builds first) or `npm run build`.");
  process.exit(1);
}
const { readSSEEvents } = await import("../dist/index.js");

const toml = readWranglerToml(new URL("../wrangler.toml", import.meta.url));
const { version } = workerdBinary();
console.log(`bedrock-edge Worker example (${toml.main}) in workerd ${version}, compatibility date ${toml.compatibilityDate}`);

/** Whether the Worker will call Bedrock itself (not a loopback endpoint such as the emulator), as worker-example/src/env.ts decides. */
function billed(endpoint) {
  if (!endpoint) return true;
  try {
    return !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(new URL(endpoint).hostname);
  } catch {
    return true;
  }
}

/** The access token binding: the environment's, else (only when the Worker calls Bedrock) a fresh one, printed for the page. */
function accessToken(endpoint) {
  if (env.CHAT_ACCESS_TOKEN) return { CHAT_ACCESS_TOKEN: env.CHAT_ACCESS_TOKEN };
  if (!billed(endpoint)) return {};
  const token = randomBytes(24).toString("base64url");
  console.log(`The Worker calls Bedrock, so /chat needs an access token: the page asks for ${token} (set CHAT_ACCESS_TOKEN to choose it).`);
  return { CHAT_ACCESS_TOKEN: token };
}

/** Secrets and var overrides for the Worker, and what to close at the end. */
async function backend() {
  const apiKey = env.AWS_BEARER_TOKEN_BEDROCK;
  const keys = env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY;
  if (apiKey || keys) {
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || toml.vars.AWS_REGION;
    const model = env.BEDROCK_MODEL_ID || toml.vars.BEDROCK_MODEL_ID;
    const endpoint = env.BEDROCK_ENDPOINT || "";
    const secrets = apiKey
      ? { AWS_BEARER_TOKEN_BEDROCK: apiKey }
      : {
          AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID,
          AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { AWS_SESSION_TOKEN: env.AWS_SESSION_TOKEN } : {}),
        };
    const where = endpoint ? `at ${endpoint}` : `in ${region}`;
    const how = apiKey ? "the Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)" : "the AWS access keys";
    console.log(`Using Amazon Bedrock ${where} with model ${model}: ${how} from the environment go to the Worker as secrets.`);
    const bindings = { ...secrets, ...accessToken(endpoint), AWS_REGION: region, BEDROCK_MODEL_ID: model, BEDROCK_ENDPOINT: endpoint };
    return { bindings, close: async () => {} };
  }
  const { startEmulator, EMULATOR_CREDENTIALS, EMULATOR_REGION } = await import("../dist/testing/node.js");
  const emulator = await startEmulator();
  console.log(`No AWS credentials or Bedrock API key in the environment: the Worker talks to the local Bedrock emulator at ${emulator.url}.`);
  console.log("  (Set AWS_BEARER_TOKEN_BEDROCK, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, to use Amazon Bedrock.)");
  return {
    bindings: {
      BEDROCK_ENDPOINT: emulator.url,
      AWS_REGION: EMULATOR_REGION,
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      ...accessToken(emulator.url),
    },
    close: () => emulator.close(),
  };
}

/** PORT, else 8787 (wrangler dev's port) when serving a person, else any free port; a taken port falls back to a free one. */
async function choosePort() {
  const wanted = env.PORT !== undefined ? Number(env.PORT) : once ? 0 : 8787;
  if (wanted === 0) return 0;
  const free = await new Promise((resolve) => {
    const probe = createServer().once("error", () => resolve(false));
    probe.listen(wanted, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  if (!free) console.log(`Port ${wanted} is taken; using a free one.`);
  return free ? wanted : 0;
}

/** POSTs the seed prompt to /chat (with the access token, if any) and prints the streamed reply and its usage. Returns false on failure. */
async function demo(url, token) {
  console.log(`\nPOST ${url}/chat ${JSON.stringify({ prompt: PROMPT })}`);
  console.log(`> ${PROMPT}`);
  process.stdout.write("< ");
  const started = performance.now();
  try {
    const response = await fetch(`${url}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ prompt: PROMPT }),
    });
    let usage;
    for await (const { event, data } of readSSEEvents(response)) {
      if (event === "delta") process.stdout.write(data.text);
      else if (event === "usage") usage = data;
      else if (event === "error") throw Object.assign(new Error(data.message), { name: data.name });
      else if (event === "done") {
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const tokens = usage ? `${usage.input_tokens} input tokens, ${usage.output_tokens} output tokens, ` : "";
        process.stdout.write(`\n  (${tokens}stop reason ${data.stopReason ?? "none"}, ${seconds} s)\n`);
      }
    }
    return true;
  } catch (error) {
    process.stdout.write("\n");
    console.error(`! ${error.name}: ${error.message}`);
    return false;
  }
}

const { bindings, close } = await backend();
let worker;
console.log("Starting workerd (bundling worker-example/ with esbuild, then booting the Worker)…");
try {
  worker = await startWorker({
    bindings,
    port: await choosePort(),
    onOutput: (text) => process.stderr.write(text.replace(/^(?=.)/gm, "[workerd] ")),
  });
} catch (error) {
  await close();
  console.error(`Could not start workerd: ${error.message}`);
  process.exit(1);
}
console.log(`Chat page: ${worker.url}/`);

const ok = await demo(worker.url, bindings.CHAT_ACCESS_TOKEN);
let stopping = false;
const shutdown = async (code) => {
  stopping = true;
  await worker.stop();
  await close();
  process.exit(code);
};
if (once) {
  console.log(`\nStopping (START_ONCE, CI or no terminal). Run \`npm start\` in a terminal to keep the page up.`);
  await shutdown(ok ? 0 : 1);
} else {
  console.log(`\nServing ${worker.url}/ : open it in a browser. Ctrl-C stops.`);
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));
  worker.exited.then(([code]) => {
    if (stopping) return;
    console.error(`workerd exited (code ${code})`);
    void close().then(() => process.exit(1));
  });
}
