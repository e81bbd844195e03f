// The workerd config for running the example Worker locally: one module, wrangler.toml's date and flags, bindings from the environment, rate limiter stand-ins.
import { rateLimitServiceName } from "./rate-limit-standin.mjs";

/** Environment variable that carries binding `name` into workerd (prefixed, so the user's own AWS_* never collide). */
export const bindingEnvName = (name) => `BEDROCK_EDGE_WORKER_${name}`;

/**
 * Cap'n Proto text config. Bindings are `fromEnvironment`, so secrets travel in the child's
 * environment and are never written to disk. Outbound fetches may reach public hosts (Bedrock,
 * with the usual CA roots) and loopback (the emulator), which workerd's default network refuses.
 * Each `rateLimits` entry becomes a stand-in Worker (module `rateLimitModule`) bound as a service
 * under the entry's name, since workerd has no Rate Limiting binding of its own.
 * @param {{ moduleFile: string, compatibilityDate: string, compatibilityFlags?: string[], bindingNames: string[], address: string, rateLimits?: { name: string, limit: number, period: number }[], rateLimitModule?: string }} options
 * @returns {string}
 */
export function workerdConfig(options) {
  const names = options.bindingNames.map((name) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Binding name ${JSON.stringify(name)} is not a valid identifier`);
    return name;
  });
  const rateLimits = options.rateLimits ?? [];
  for (const { name, limit, period } of rateLimits) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Binding name ${JSON.stringify(name)} is not a valid identifier`);
    if (!Number.isInteger(limit) || !Number.isInteger(period)) throw new Error(`Rate limit ${name} needs integer limit and period`);
  }
  if (rateLimits.length > 0 && !options.rateLimitModule) throw new Error("rateLimits need rateLimitModule (the stand-in's file)");
  const flags = (options.compatibilityFlags ?? []).map((flag) => JSON.stringify(flag));
  const bindings = [
    ...names.map((name) => `(name = "${name}", fromEnvironment = "${bindingEnvName(name)}")`),
    ...rateLimits.map(({ name }) => `(name = "${name}", service = "${rateLimitServiceName(name)}")`),
  ];
  const standIns = rateLimits.map(
    ({ name, limit, period }) => `    (name = "${rateLimitServiceName(name)}", worker = (
      modules = [(name = "ratelimit.mjs", esModule = embed ${JSON.stringify(options.rateLimitModule)})],
      compatibilityDate = ${JSON.stringify(options.compatibilityDate)},
      bindings = [(name = "LIMIT", text = "${limit}"), (name = "PERIOD", text = "${period}")],
    )),
`,
  );
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .exampleWorker),
    (name = "outbound", network = (allow = ["public", "local"], tlsOptions = (trustBrowserCas = true))),
${standIns.join("")}  ],
  sockets = [(name = "http", address = ${JSON.stringify(options.address)}, http = (), service = "main")],
);

const exampleWorker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed ${JSON.stringify(options.moduleFile)})],
  compatibilityDate = ${JSON.stringify(options.compatibilityDate)},
  compatibilityFlags = [${flags.join(", ")}],
  bindings = [
    ${bindings.join(",\n    ")}
  ],
  globalOutbound = "outbound",
);
`;
}
