// Where the shared conformance data lives: ../shared/conformance beside the repository (CI lays it there).
import { fileURLToPath } from "node:url";

/** `../shared/conformance/` as a directory URL. */
export const CONFORMANCE = new URL("../../shared/conformance/", import.meta.url);

/** A URL inside the conformance data, e.g. `conformanceUrl("recorded/")`. */
export function conformanceUrl(relative: string): URL {
  return new URL(relative, CONFORMANCE);
}

/** A file system path inside the conformance data. */
export function conformancePath(relative: string): string {
  return fileURLToPath(conformanceUrl(relative));
}
