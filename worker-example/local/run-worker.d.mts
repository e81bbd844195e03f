// Types of run-worker.mjs, for the TypeScript tests that drive the Worker.
export declare const repoRoot: string;

export declare function workerdBinary(): { binary: string; compatibilityDate: string; version: string };

export declare function bundleWorker(entry: string, outFile: string): Promise<string>;

export interface StartWorkerOptions {
  /** Added to (and overriding) wrangler.toml's [vars]: secrets go here. */
  bindings?: Record<string, string>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Run this ready bundle instead of bundling wrangler.toml's `main`. */
  moduleFile?: string;
  /** Receives workerd's stdout and stderr as they come. */
  onOutput?: (text: string) => void;
  /** Another wrangler.toml (default: the repository's). */
  wranglerToml?: string;
}

export interface RunningWorker {
  /** e.g. `http://127.0.0.1:8787`, no trailing slash. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Everything workerd printed so far. */
  output(): string;
  /** Resolves with [code, signal] when workerd exits. */
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

export declare function startWorker(options?: StartWorkerOptions): Promise<RunningWorker>;
/** `workerd serve <configFile>` in `cwd`, resolved once it listens; `stop()` ends it and then calls `cleanup`. */
export declare function launchWorkerd(
  binary: string,
  configFile: string,
  cwd: string,
  env: Record<string, string | undefined>,
  onOutput: ((text: string) => void) | undefined,
  cleanup: () => void,
): Promise<RunningWorker>;
