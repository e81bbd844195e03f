// Types of wrangler-toml.mjs.
export declare function parseToml(text: string): Record<string, Record<string, unknown> | Record<string, unknown>[]>;

/** One `[[ratelimits]]` entry: the binding name, its namespace, and `simple = { limit, period }`. */
export interface WranglerRateLimit {
  name: string;
  namespaceId: string;
  limit: number;
  period: number;
}

export interface WranglerToml {
  name: string;
  main: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  vars: Record<string, string>;
  rateLimits: WranglerRateLimit[];
}

export declare function readWranglerToml(file: string | URL): WranglerToml;
