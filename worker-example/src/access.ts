// The access check on /chat: a bearer token the deployer keeps as the CHAT_ACCESS_TOKEN secret, compared in constant time.
import { talksToAws, type Env } from "./env.js";

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
function bearerToken(request: Request): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}

/**
 * Whether the caller may spend the Worker's AWS account. Against AWS the token is required
 * (`configurationProblem` has already refused a Worker without one); against the local emulator
 * a configured token is still checked, and no token means open (nothing is billed).
 */
export async function hasAccess(request: Request, env: Env): Promise<boolean> {
  const expected = env.CHAT_ACCESS_TOKEN;
  if (!expected) return !talksToAws(env);
  const given = bearerToken(request);
  return given !== undefined && (await sameSecret(given, expected));
}
