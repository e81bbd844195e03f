// CORS as AWS endpoints answer it, so browser code can call the emulator from another origin.

/** Response headers a page may read; AWS exposes its request id and error headers. `Retry-After` is ours. */
export const EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date, Retry-After";
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";
const DEFAULT_ALLOWED_HEADERS =
  "authorization, content-type, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request";
const PREFLIGHT_MAX_AGE = "172800";

/** Headers added to every answer when CORS is on. */
export function corsHeaders(): Record<string, string> {
  return { "access-control-allow-origin": "*", "access-control-expose-headers": EXPOSED_HEADERS };
}

/** True for a CORS preflight (an OPTIONS request; browsers send no credentials with it). */
export function isPreflight(request: Request): boolean {
  return request.method === "OPTIONS";
}

/** The preflight answer: every method, the requested headers echoed back, cached for two days. */
export function preflightHeaders(request: Request): Record<string, string> {
  return {
    ...corsHeaders(),
    "access-control-allow-methods": ALLOWED_METHODS,
    "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? DEFAULT_ALLOWED_HEADERS,
    "access-control-max-age": PREFLIGHT_MAX_AGE,
  };
}
