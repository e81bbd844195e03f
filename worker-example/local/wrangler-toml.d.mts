// Types of wrangler-toml.mjs.
export declare function parseToml(text: string): Record<string, Record<string, unknown>>;

export interface WranglerToml {
  name: string;
  main: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  vars: Record<string, string>;
}

export declare function readWranglerToml(file: string | URL): WranglerToml;
