// Types of run.mjs, for the TypeScript tests that drive the RAG Worker.
export declare const exampleDir: string;

export declare function vectorizeBinding(wranglerToml: string): string;

export declare function ragWorkerdConfig(options: {
  compatibilityDate: string;
  compatibilityFlags: string[];
  bindingNames: string[];
  vectorize: string;
  dimensions: string;
  address: string;
}): string;

export interface StartRagWorkerOptions {
  /** Added to (and overriding) wrangler.toml's [vars]: secrets go here. */
  bindings?: Record<string, string>;
  /** Instead of wrangler.toml's compatibility_flags (e.g. ["no_nodejs_compat", "no_nodejs_compat_v2"]). */
  compatibilityFlags?: string[];
  /** 0 (default) picks a free port. */
  port?: number;
  onOutput?: (text: string) => void;
  wranglerToml?: string;
}

export interface RunningRagWorker {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Everything workerd printed so far. */
  output(): string;
}

export declare function startRagWorker(options?: StartRagWorkerOptions): Promise<RunningRagWorker>;
