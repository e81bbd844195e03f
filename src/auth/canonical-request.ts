// SigV4 step 1, the canonical request: method, URI, query, headers, signed header names, payload hash.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
import { SIGNATURE_QUERY, isSignable } from "./sigv4-names.js";
import type { SmithyHttpRequest } from "./signable-request.js";
import { escapeUri } from "./uri-escape.js";

export interface CanonicalRequest {
  /** The canonical request's text, the input of the string to sign. */
  text: string;
  /** Lower-case names of the signed headers joined by `;`, as the Authorization header lists them. */
  signedHeaders: string;
}

/**
 * The URI as every service but S3 canonicalises it: the path normalised (empty and `.` segments
 * dropped, `..` removing the one before) and then URI-encoded once more. Its segments arrive
 * percent-encoded as fetch sends them, so a `%3A` in a model ARN signs as `%253A`.
 */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith("/") ? "/" : "";
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return `${leading}${segments.map(escapeUri).join("/")}${trailing}`;
}

/**
 * The query string: each name and value RFC 3986-encoded, sorted by encoded name and, for a
 * repeated name, by the whole `name=value` pair; a presigned URL's own signature left out.
 */
export function canonicalQuery(query: SmithyHttpRequest["query"] = {}): string {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(query)) {
    if (name.toLowerCase() === SIGNATURE_QUERY || value === null) continue;
    const key = escapeUri(name);
    const values = (Array.isArray(value) ? value : [value]).map((v) => `${key}=${escapeUri(v)}`).sort();
    if (values.length > 0) pairs.push([key, values.join("&")]);
  }
  return pairs
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, text]) => text)
    .join("&");
}

/**
 * The signed headers, sorted by lower-case name: values with line breaks turned to spaces, runs
 * of spaces and tabs collapsed to one, and the ends trimmed.
 */
export function canonicalHeaders(headers: Record<string, string | undefined>): Array<[string, string]> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value == null || !isSignable(lower)) continue;
    out.set(lower, value.replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").replace(/^ | $/g, ""));
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The canonical request of `request` (headers already holding `host`, `x-amz-date` and the
 * other headers to sign) for a body whose hash is `payloadHash`.
 */
export function createCanonicalRequest(request: SmithyHttpRequest, payloadHash: string): CanonicalRequest {
  const headers = canonicalHeaders(request.headers);
  const signedHeaders = headers.map(([name]) => name).join(";");
  const text = [
    request.method,
    canonicalUri(request.path),
    canonicalQuery(request.query),
    // Each canonical header line ends with a newline, so a blank line follows the last.
    ...headers.map(([name, value]) => `${name}:${value}`),
    "",
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { text, signedHeaders };
}
