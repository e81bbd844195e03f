// Types of workerd-config.mjs.
export declare function bindingEnvName(name: string): string;

export declare function workerdConfig(options: {
  moduleFile: string;
  compatibilityDate: string;
  compatibilityFlags?: string[];
  bindingNames: string[];
  address: string;
  /** Rate limit bindings to stand in for (wrangler.toml's [[ratelimits]]). */
  rateLimits?: { name: string; limit: number; period: number }[];
  /** File (relative to the config) holding the stand-in's module source. */
  rateLimitModule?: string;
}): string;
