// Who may POST /chat from a browser: the Worker's own origin plus ALLOWED_ORIGINS, JSON bodies only, and the CORS answers for the extra origins.
import type { Env } from "./env.js";

/** The origins allowed to call /chat: the request's own, plus each valid entry of ALLOWED_ORIGINS. */
function allowedOrigins(request: Request, env: Env): Set<string> {
  const allowed = new Set([new URL(request.url).origin]);
  for (const entry of (env.ALLOWED_ORIGINS ?? "").split(",")) {
    const trimmed = entry.trim();
    if (trimmed === "") continue;
    try {
      allowed.add(new URL(trimmed).origin);
    } catch {
      // Not a URL (a typo, "*"): it allows nothing.
    }
  }
  return allowed;
}

/**
 * Whether a browser page may make this request. A page on another site can POST `text/plain`
 * without a preflight, and browsers always send `Origin` on such a POST; so an `Origin` must be
 * allowed. No `Origin` (curl, a server) passes here: the access token stops those.
 */
export function originAllowed(request: Request, env: Env): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  return allowedOrigins(request, env).has(origin);
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.split(";")[0]!.trim().toLowerCase() === "application/json";
}

/** CORS headers for a response to an allowed origin other than the Worker's own (none otherwise). */
export function corsHeaders(request: Request, env: Env): Record<string, string> {
  const origin = request.headers.get("origin");
  if (origin === null || origin === new URL(request.url).origin || !allowedOrigins(request, env).has(origin)) return {};
  return { "access-control-allow-origin": origin, vary: "Origin" };
}

/** The answer to a CORS preflight for /chat: allowed origins may send JSON with a bearer token. */
export function preflight(request: Request, env: Env): Response {
  if (!originAllowed(request, env)) return new Response(null, { status: 403 });
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request, env),
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-max-age": "600",
    },
  });
}
