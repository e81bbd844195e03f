// Decides who sent a request: SigV4 (re-derived), a Bedrock API key (Bearer), or nobody.
import { awsErrors, type AwsError } from "../aws-error.js";
import { API_KEY_PREFIXES } from "./credentials.js";
import { verifySigV4, type ReceivedRequest, type VerifyContext } from "./sigv4-verify.js";
import type { RecordedAuth } from "../types.js";

/** Accepted bearer keys: a list, or a check (for keys minted at run time, e.g. short-term keys). */
export type ApiKeyCheck = readonly string[] | ((key: string) => boolean | Promise<boolean>);

export type AuthResult = { auth: RecordedAuth; error?: AwsError };

export async function authenticate(
  received: ReceivedRequest,
  ctx: VerifyContext & { apiKeys: ApiKeyCheck },
): Promise<AuthResult> {
  const header = received.headers.get("authorization");
  if (header === null || header.trim() === "") return { auth: { kind: "none" }, error: awsErrors.missingAuthorization() };

  const bearer = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (bearer) {
    const key = (bearer[1] ?? "").trim();
    const auth: RecordedAuth = { kind: "bearer" };
    if (!API_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) return { auth, error: awsErrors.badApiKeyFormat() };
    const known = typeof ctx.apiKeys === "function" ? await ctx.apiKeys(key) : ctx.apiKeys.includes(key);
    return known ? { auth } : { auth, error: awsErrors.badApiKey() };
  }

  const result = await verifySigV4(header, received, ctx);
  const auth: RecordedAuth = { kind: "sigv4", accessKeyId: result.accessKeyId ?? "" };
  return result.ok ? { auth } : { auth, error: result.error };
}
