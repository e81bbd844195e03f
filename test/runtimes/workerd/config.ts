// The workerd config for the suite's Worker: modules format, no compatibility flags.

/** The date the Worker asks for: today, unless this workerd build predates today. */
export function compatibilityDate(today: Date, newestSupported: string): string {
  const iso = today.toISOString().slice(0, 10);
  return iso < newestSupported ? iso : newestSupported;
}

/**
 * Cap'n Proto text config. No `nodejs_compat` (or any flag): the suite must run on plain
 * Workers APIs. Outbound fetches go through a network service that may reach loopback,
 * which workerd's default "internet" service refuses.
 */
export function workerdConfig(options: { moduleFile: string; compatibilityDate: string }): string {
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
  compatibilityFlags = [],
  globalOutbound = "loopback",
);
`;
}
