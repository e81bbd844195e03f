// Security headers: a few on every answer, and on the page a CSP that lets only its own inline script and style run (by SHA-256 hash).
import { PAGE_SCRIPT, PAGE_STYLE } from "./page.js";

/** Sent with every answer: no MIME sniffing, no referrer leaking the page's URL. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

async function hashSource(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

let policy: Promise<string> | undefined;

/**
 * The page's Content-Security-Policy: nothing loads but its inline script and style (matched by
 * hash, so an injected script would not run) and fetches to its own origin; no framing, no form
 * posts, no <base>. Hashes are computed once per isolate.
 */
export function contentSecurityPolicy(): Promise<string> {
  policy ??= Promise.all([hashSource(PAGE_SCRIPT), hashSource(PAGE_STYLE)]).then(([script, style]) =>
    [
      "default-src 'none'",
      `script-src ${script}`,
      `style-src ${style}`,
      "connect-src 'self'",
      "img-src data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  return policy;
}

/** Headers for GET /: the CSP, framing and cross-origin isolation, HSTS when served over HTTPS. */
export async function pageHeaders(request: Request): Promise<Headers> {
  const headers = new Headers({
    ...BASE_HEADERS,
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": await contentSecurityPolicy(),
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cache-control": "no-cache",
  });
  if (new URL(request.url).protocol === "https:") headers.set("strict-transport-security", "max-age=31536000");
  return headers;
}
