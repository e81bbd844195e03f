// Verifies short-term Bedrock API keys (presigned CallWithBearerToken URLs) as Bedrock does: signature, region, expiry.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4, getCanonicalHeaders } from "@smithy/signature-v4";
import { authenticate, type ApiKeyCheck, type AuthResult } from "./authenticate.js";
import { awsErrors, type AwsError } from "../aws-error.js";
import { parseAmzDate, SIGV4_ALGORITHM } from "./sigv4-header.js";
import { sha256Hex, type ReceivedRequest, type VerifyContext } from "./sigv4-verify.js";

export const SHORT_TERM_KEY_PREFIX = "bedrock-api-key-";
const HOST = "bedrock.amazonaws.com";
const MAX_EXPIRES_SECONDS = 43_200;

export type ShortTermKeyResult = { ok: true; accessKeyId: string } | { ok: false; error: AwsError };

/** What Bedrock answers for a short-term key past its X-Amz-Expires (or past its credentials' expiry). */
export const expiredBearerToken = (): AwsError => ({
  status: 403,
  type: "AccessDeniedException",
  message: "Bearer Token has expired",
  messageKey: "Message",
});

type SmithyRequest = Parameters<typeof getCanonicalHeaders>[0];

/** Exposes smithy's canonical-request and string-to-sign steps for a presigned (query) signature. */
class PresignVerifier extends SignatureV4 {
  canonical(request: SmithyRequest, payloadHash: string): string {
    return this.createCanonicalRequest(request, getCanonicalHeaders(request, new Set(), new Set(["host"])), payloadHash);
  }
  toSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, SIGV4_ALGORITHM);
  }
}

function decodeKey(key: string): URL | undefined {
  try {
    return new URL(`https://${atob(key.slice(SHORT_TERM_KEY_PREFIX.length))}`);
  } catch {
    return undefined;
  }
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a `bedrock-api-key-…` key: decodes the presigned URL, checks its scope against the
 * emulator's region, its X-Amz-Date + X-Amz-Expires against the emulator's clock, finds the
 * credentials that signed it (with their session token) and re-derives the signature.
 */
export async function verifyShortTermApiKey(key: string, ctx: VerifyContext): Promise<ShortTermKeyResult> {
  const bad = (): ShortTermKeyResult => ({ ok: false, error: awsErrors.badApiKey() });
  const expired = (): ShortTermKeyResult => ({ ok: false, error: expiredBearerToken() });
  if (!key.startsWith(SHORT_TERM_KEY_PREFIX)) return bad();
  const url = decodeKey(key);
  if (!url || url.host !== HOST || url.pathname !== "/") return bad();
  const params = url.searchParams;
  // `&Version=1` is appended after signing, so it is not part of the signed query.
  if (params.get("Version") !== "1" || params.get("Action") !== "CallWithBearerToken") return bad();
  if (params.get("X-Amz-Algorithm") !== SIGV4_ALGORITHM || params.get("X-Amz-SignedHeaders") !== "host") return bad();

  const [accessKeyId, scopeDate, region, service, terminator, ...rest] = (params.get("X-Amz-Credential") ?? "").split("/");
  const amzDate = params.get("X-Amz-Date") ?? "";
  const signedAt = parseAmzDate(amzDate);
  const expiresIn = Number(params.get("X-Amz-Expires"));
  const signature = params.get("X-Amz-Signature") ?? "";
  if (!accessKeyId || rest.length > 0 || service !== "bedrock" || terminator !== "aws4_request") return bad();
  // Keys work only in the region they were minted for.
  if (region !== ctx.region || !signedAt || scopeDate !== amzDate.slice(0, 8)) return bad();
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_SECONDS || !/^[0-9a-f]{64}$/.test(signature)) return bad();

  const credentials = ctx.lookup(accessKeyId);
  if (!credentials || (credentials.sessionToken ?? null) !== params.get("X-Amz-Security-Token")) return bad();

  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    if (name === "Version" || name === "X-Amz-Signature") continue;
    const prior = query[name];
    query[name] = prior === undefined ? value : ([] as string[]).concat(prior, value);
  }
  const request = { method: "POST", protocol: "https:", hostname: HOST, path: "/", query, headers: { host: HOST } };
  const verifier = new PresignVerifier({
    credentials: { accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region,
    service,
    sha256: Sha256,
  });
  const canonical = verifier.canonical(request, await sha256Hex(new Uint8Array(0)));
  const stringToSign = await verifier.toSign(amzDate, `${scopeDate}/${region}/${service}/aws4_request`, canonical);
  const expected = await verifier.sign(stringToSign, { signingDate: signedAt, signingRegion: region, signingService: service });
  if (!timingSafeEqual(expected, signature)) return bad();
  // Only a genuine key is told it expired. It lasts X-Amz-Expires, and no longer than its credentials.
  if (signedAt.getTime() > ctx.nowMs + ctx.maxSkewMs) return bad();
  if (signedAt.getTime() + expiresIn * 1000 <= ctx.nowMs) return expired();
  if (credentials.expiration && credentials.expiration.getTime() <= ctx.nowMs) return expired();
  return { ok: true, accessKeyId };
}

function bearerKey(headers: Headers): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec((headers.get("authorization") ?? "").trim());
  return match?.[1];
}

/**
 * The emulator's authentication with short-term keys verified first (unless turned off); keys
 * the `apiKeys` check accepts still pass, and everything else goes to `authenticate`.
 */
export async function authenticateWithShortTermKeys(
  received: ReceivedRequest,
  ctx: VerifyContext & { apiKeys: ApiKeyCheck; shortTermApiKeys?: boolean },
): Promise<AuthResult> {
  const key = bearerKey(received.headers);
  if (ctx.shortTermApiKeys === false || key === undefined || !key.startsWith(SHORT_TERM_KEY_PREFIX)) {
    return authenticate(received, ctx);
  }
  const result = await verifyShortTermApiKey(key, ctx);
  if (result.ok) return { auth: { kind: "bearer" } };
  const listed = typeof ctx.apiKeys === "function" ? await ctx.apiKeys(key) : ctx.apiKeys.includes(key);
  return listed ? { auth: { kind: "bearer" } } : { auth: { kind: "bearer" }, error: result.error };
}
