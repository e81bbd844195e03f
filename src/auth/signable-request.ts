// Bridges WHATWG URL/Headers to the HttpRequest shape @smithy/signature-v4 signs, and back.
import type { SignatureV4 } from "@smithy/signature-v4";
import { BedrockInputError } from "../errors/index.js";
import { escapeUri } from "./uri-escape.js";

/** A request as fetch will send it; the signer signs exactly these bytes. */
export interface SignableRequest {
  method: string;
  /** Absolute http(s) URL. Path segments must already be percent-encoded, as fetch sends them. */
  url: string | URL;
  headers?: Headers | Record<string, string>;
  body?: Uint8Array | string;
}

/**
 * Smithy's HttpRequest (`@smithy/types` http.d.ts), restated so the published .d.ts loads no
 * Smithy types: theirs import `node:http` and `node:stream`, which a Worker or browser project lacks.
 */
export interface SmithyHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
  username?: string;
  password?: string;
  fragment?: string;
}
// Fails to compile if the signer's request type and ours drift apart, in either direction.
type SignerRequest = Parameters<SignatureV4["presign"]>[0];
type MustBeTrue<T extends true> = T;
type SameShapeAsSigner = MustBeTrue<[SmithyHttpRequest, SignerRequest] extends [SignerRequest, SmithyHttpRequest] ? true : false>;
type QueryMultiMap = Record<string, string | string[]>;

// Fetch upper-cases exactly these methods and sends any other (e.g. `patch`) as written.
const FETCH_NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

/** The method as fetch puts it on the wire. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return FETCH_NORMALIZED_METHODS.has(upper) ? upper : method;
}

export function parseRequestUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = typeof url === "string" ? new URL(url) : new URL(url.href);
  } catch {
    throw new BedrockInputError("request url must be an absolute URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new BedrockInputError("request url must use http: or https:");
  }
  return parsed;
}

/**
 * Query parameters decoded the way the server decodes them (WHATWG form decoding, so `+` is a
 * space), repeated keys kept as arrays. Smithy re-encodes them with RFC 3986 and sorts.
 */
export function queryMultiMap(params: URLSearchParams): QueryMultiMap {
  const query: QueryMultiMap = {};
  for (const [key, value] of params) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}

/**
 * Builds Smithy's request: `host` from the URL (fetch derives the Host header from it and
 * ignores ours), the URL's already-encoded path, which the signer encodes once more, and the
 * caller's headers with lower-cased names (duplicates joined by fetch's `, `).
 */
export function toSmithyRequest(request: SignableRequest): SmithyHttpRequest {
  const url = parseRequestUrl(request.url);
  let headers: Headers;
  try {
    headers = new Headers(request.headers);
  } catch {
    // The platform's message may quote the offending value; keep it out.
    throw new BedrockInputError("request headers contain an invalid header name or value");
  }
  const smithyHeaders: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (name !== "host") smithyHeaders[name] = value;
  }
  smithyHeaders.host = url.host;
  const out: SmithyHttpRequest = {
    method: normalizeMethod(request.method),
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query: queryMultiMap(url.searchParams),
    headers: smithyHeaders,
  };
  if (url.port !== "") out.port = Number(url.port);
  if (request.body !== undefined) out.body = request.body;
  return out;
}

/** Headers to hand to fetch: everything Smithy returned except `host`, which fetch sets itself. */
export function headersForFetch(signed: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(signed)) {
    if (name.toLowerCase() !== "host") headers.set(name, value);
  }
  return headers;
}

/** The URL with Smithy's (presigned) query, encoded the way the signer canonicalised it. */
export function urlWithQuery(url: URL, query: SmithyHttpRequest["query"]): URL {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = value === null ? [] : Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${escapeUri(key)}=${escapeUri(v)}`);
  }
  const out = new URL(url.href);
  out.search = parts.length > 0 ? `?${parts.join("&")}` : "";
  return out;
}
