// Small HTTP pieces: JSON refusals in the Worker's own words, a capped JSON body reader, and the bearer-token check.
import { talksToAws, type Env } from "./env.js";

const HEADERS = { "x-content-type-options": "nosniff", "cache-control": "no-store" };

/** A refusal `{ message }`: only the Worker's words, never a server's. */
export const refuse = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  Response.json({ message }, { status, headers: { ...HEADERS, ...headers } });

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * The request's JSON body, or the refusal to send: 415 without a JSON content type, 413 over
 * `maxBytes` (counted as the bytes arrive, so a lying Content-Length does not help), 400 otherwise.
 */
export async function readJson(request: Request, maxBytes: number): Promise<JsonBody> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, response: refuse(415, "Send the body as application/json") };
  const tooLarge = { ok: false as const, response: refuse(413, `The body is larger than ${maxBytes} bytes`) };
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return tooLarge;
  const pieces: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge;
      }
      pieces.push(value);
    }
  }
  const all = new Uint8Array(total);
  pieces.reduce((at, piece) => (all.set(piece, at), at + piece.byteLength), 0);
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(all)) };
  } catch {
    return { ok: false, response: refuse(400, "The body must be UTF-8 JSON") };
  }
}

const encoder = new TextEncoder();
const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));

/**
 * Whether the caller sent `Authorization: Bearer <RAG_ACCESS_TOKEN>`, compared by digest so timing says
 * nothing about the token. Without a token configured only a Worker on the local emulator is open
 * (`configurationProblem` refuses a billed one first).
 */
export async function hasAccess(request: Request, env: Env): Promise<boolean> {
  const expected = env.RAG_ACCESS_TOKEN;
  if (!expected) return !talksToAws(env);
  const given = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (given === undefined) return false;
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return a.reduce((difference, byte, i) => difference | (byte ^ b[i]!), 0) === 0;
}
