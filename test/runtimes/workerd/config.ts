// The workerd config for the suite's Worker (modules format), in the two flag sets the suite runs under.

/** The date the Worker asks for: today, unless this workerd build predates today. */
export function compatibilityDate(today: Date, newestSupported: string): string {
  const iso = today.toISOString().slice(0, 10);
  return iso < newestSupported ? iso : newestSupported;
}

/** What the Worker should find in each mode; the globals probe checks it. */
export interface NodeGlobals {
  Buffer: boolean;
  process: boolean;
  asyncHooks: boolean;
}

export interface WorkerdMode {
  /** How the mode is named in test names. */
  label: string;
  compatibilityFlags: string[];
  expected: NodeGlobals;
}

/** From this compatibility date on, `nodejs_compat` is on unless a Worker turns it off. */
export const NODEJS_COMPAT_DEFAULT_DATE = "2026-08-04";

// With no flags a Worker gets what its date gives: from 2026-08-04 that includes Buffer, process
// and node:* modules, as most new Workers have. The second mode turns both flags off, proving
// the package needs nothing beyond Web APIs.
// https://developers.cloudflare.com/workers/configuration/compatibility-flags/
export function workerdModes(compatibilityDate: string): WorkerdMode[] {
  const byDefault = compatibilityDate >= NODEJS_COMPAT_DEFAULT_DATE;
  return [
    { label: "default flags", compatibilityFlags: [], expected: { Buffer: byDefault, process: byDefault, asyncHooks: byDefault } },
    {
      label: "nodejs_compat off",
      compatibilityFlags: ["no_nodejs_compat", "no_nodejs_compat_v2"],
      expected: { Buffer: false, process: false, asyncHooks: false },
    },
  ];
}

/**
 * Cap'n Proto text config (no flags unless given). Outbound fetches go through a network service that may reach
 * loopback, which workerd's default "internet" service refuses.
 */
export function workerdConfig(options: { moduleFile: string; compatibilityDate: string; compatibilityFlags?: readonly string[] }): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .suiteWorker),
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const suiteWorker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed ${JSON.stringify(options.moduleFile)})],
  compatibilityDate = ${JSON.stringify(options.compatibilityDate)},
  compatibilityFlags = ${JSON.stringify(options.compatibilityFlags ?? [])},
  globalOutbound = "loopback",
);
`;
}
