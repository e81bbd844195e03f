// SigV4 step 1, the canonical request: method, URI, query, headers, signed header names, payload hash.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
import { escapeUri } from "@smithy/core/protocols";
import { getCanonicalHeaders, getCanonicalQuery } from "@smithy/signature-v4";
import type { SmithyHttpRequest } from "./signable-request.js";

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
 * The canonical request of `request` (headers already holding `host`, `x-amz-date` and the
 * other headers to sign) for a body whose hash is `payloadHash`. Smithy picks the signable
 * headers (never `authorization`, `user-agent`, hop-by-hop, `proxy-*` or `sec-*`), trims their
 * values and sorts the query; the layout is the spec's.
 */
export function createCanonicalRequest(request: SmithyHttpRequest, payloadHash: string): CanonicalRequest {
  const headers = getCanonicalHeaders(request);
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(";");
  const text = [
    request.method,
    canonicalUri(request.path),
    getCanonicalQuery(request),
    // Each canonical header line ends with a newline, so a blank line follows the last.
    ...names.map((name) => `${name}:${headers[name]}`),
    "",
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { text, signedHeaders };
}
