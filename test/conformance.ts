// Where the shared conformance data lives: ../shared/conformance beside the repository (CI lays it there).
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * `../shared/conformance/` as a directory URL, or `$CONFORMANCE_DIR` when set (a checkout in a
 * git worktree has no `shared/` beside it).
 */
export const CONFORMANCE = process.env.CONFORMANCE_DIR
  ? pathToFileURL(`${process.env.CONFORMANCE_DIR.replace(/\/+$/, "")}/`)
  : new URL("../../shared/conformance/", import.meta.url);

/** A URL inside the conformance data, e.g. `conformanceUrl("recorded/")`. */
export function conformanceUrl(relative: string): URL {
  return new URL(relative, CONFORMANCE);
}

/** A file system path inside the conformance data. */
export function conformancePath(relative: string): string {
  return fileURLToPath(conformanceUrl(relative));
}
