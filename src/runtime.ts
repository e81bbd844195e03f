// The one place that looks at runtime globals. Everything else takes fetch, clock and
// environment as parameters, so the core stays identical across Workers, Deno, Bun,
// browsers and Node (Hono keeps its single runtime probe the same way).

type EnvReader = (name: string) => string | undefined;

/** Reads an environment variable where the runtime exposes one; `undefined` elsewhere. */
export const readEnv: EnvReader = (name) => {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(name: string): string | undefined } };
  };
  try {
    const fromProcess = g.process?.env?.[name];
    if (fromProcess !== undefined && fromProcess !== "") return fromProcess;
  } catch {
    // Some sandboxes throw on access to process.env; treat as absent.
  }
  try {
    // Deno throws NotCapable/PermissionDenied without --allow-env.
    const fromDeno = g.Deno?.env?.get(name);
    if (fromDeno !== undefined && fromDeno !== "") return fromDeno;
  } catch {
    // No permission: treat as absent.
  }
  return undefined;
};

/** True in a page or worker of a web browser (not Deno, Bun, workerd or Node). */
export function isBrowserLike(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown; Deno?: unknown; process?: { versions?: { node?: string } } };
  if (g.Deno !== undefined) return false;
  if (g.process?.versions?.node) return false;
  return typeof g.window !== "undefined" && typeof g.document !== "undefined";
}

/** The platform fetch, looked up at call time so test doubles installed later are honoured. */
export function platformFetch(): typeof fetch {
  if (typeof globalThis.fetch !== "function") {
    throw new TypeError("bedrock-edge: no global fetch in this runtime; pass the `fetch` option");
  }
  return globalThis.fetch.bind(globalThis);
}
