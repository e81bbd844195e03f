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

/** What the browser probe reads off `globalThis`. */
interface ProbedGlobals {
  window?: unknown;
  document?: unknown;
  Deno?: unknown;
  Bun?: unknown;
  EdgeRuntime?: unknown;
  fastly?: unknown;
  WebSocketPair?: unknown;
  navigator?: { userAgent?: unknown };
  process?: { versions?: { node?: string } };
  [scope: string]: unknown;
}

// The scopes a browser runs workers in (https://html.spec.whatwg.org/multipage/workers.html).
const WORKER_SCOPES = ["DedicatedWorkerGlobalScope", "SharedWorkerGlobalScope", "ServiceWorkerGlobalScope", "WorkerGlobalScope"];

/**
 * True in a page or a dedicated, shared or service worker of a web browser; false in Node, Deno,
 * Bun, Cloudflare's workerd, Vercel's edge-runtime and Fastly Compute, which are servers even
 * where they borrow a worker scope: Deno's workers are DedicatedWorkerGlobalScopes, and workerd's
 * global is a ServiceWorkerGlobalScope whose `navigator.userAgent` is "Cloudflare-Workers"
 * (workerd src/workerd/api/global-scope.h), with Cloudflare-only globals such as WebSocketPair.
 */
export function isBrowserLike(): boolean {
  const g = globalThis as unknown as ProbedGlobals;
  if (isServerRuntime(g)) return false;
  if (typeof g.window !== "undefined" && typeof g.document !== "undefined") return true;
  return WORKER_SCOPES.some((name) => {
    const scope = g[name];
    try {
      return typeof scope === "function" && g instanceof scope;
    } catch {
      return false; // a stand-in without a prototype: `instanceof` throws on it
    }
  });
}

function isServerRuntime(g: ProbedGlobals): boolean {
  if (g.Deno !== undefined || g.Bun !== undefined || g.fastly !== undefined) return true;
  if (typeof g.EdgeRuntime === "string" || typeof g.WebSocketPair === "function") return true;
  if (g.process?.versions?.node) return true;
  const agent = g.navigator?.userAgent;
  return typeof agent === "string" && /^(Cloudflare-Workers|Deno\/|Bun\/|Node\.js\/)/.test(agent);
}

/** The platform fetch, looked up at call time so test doubles installed later are honoured. */
export function platformFetch(): typeof fetch {
  if (typeof globalThis.fetch !== "function") {
    throw new TypeError("bedrock-edge: no global fetch in this runtime; pass the `fetch` option");
  }
  return globalThis.fetch.bind(globalThis);
}
