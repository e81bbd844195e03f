// Re-derives a request's SigV4 signature with @smithy/signature-v4 and the known credentials, as AWS does.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4, getCanonicalHeaders } from "@smithy/signature-v4";
import { awsErrors, type AwsError } from "../aws-error.js";
import { checkScope, checkSkew, parseAmzDate, parseSigV4Header, SIGV4_ALGORITHM } from "./sigv4-header.js";
import type { EmulatorCredentials } from "../types.js";

/** The request as the emulator received it. */
export interface ReceivedRequest {
  method: string;
  url: URL;
  /** Path exactly as received, percent-encoding kept (a model ARN arrives with `%3A`). */
  rawPath: string;
  headers: Headers;
  body: Uint8Array;
}

export interface VerifyContext {
  region: string;
  service: string;
  nowMs: number;
  maxSkewMs: number;
  lookup(accessKeyId: string): EmulatorCredentials | undefined;
}

export type VerifyResult = { ok: true; accessKeyId: string } | { ok: false; accessKeyId?: string; error: AwsError };

type SmithyRequest = Parameters<typeof getCanonicalHeaders>[0];

/** Exposes smithy's canonical-request and string-to-sign steps, so a mismatch can be explained. */
class Resigner extends SignatureV4 {
  canonicalRequest(request: SmithyRequest, payloadHash: string, signed: Set<string>): string {
    return this.createCanonicalRequest(request, getCanonicalHeaders(request, new Set(), signed), payloadHash);
  }
  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, SIGV4_ALGORITHM);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = new Sha256();
  hash.update(bytes);
  const digest = await hash.digest();
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Only the headers the client signed; `host` and `content-length` fall back to what the server saw. */
function signedHeaderValues(received: ReceivedRequest, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value =
      received.headers.get(name) ??
      (name === "host" ? received.url.host : undefined) ??
      (name === "content-length" ? String(received.body.byteLength) : undefined);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export async function verifySigV4(header: string, received: ReceivedRequest, ctx: VerifyContext): Promise<VerifyResult> {
  const parsed = parseSigV4Header(header);
  if ("status" in parsed) return { ok: false, error: parsed };
  const fail = (error: AwsError): VerifyResult => ({ ok: false, accessKeyId: parsed.accessKeyId, error });

  const amzDate = received.headers.get("x-amz-date");
  if (!amzDate) {
    return fail(awsErrors.incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
  }
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt) {
    return fail(awsErrors.incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate.slice(0, 40)}'.`));
  }
  const scopeError = checkScope(parsed, amzDate, ctx.region, ctx.service) ?? checkSkew(amzDate, signedAt, ctx.nowMs, ctx.maxSkewMs);
  if (scopeError) return fail(scopeError);

  const credentials = ctx.lookup(parsed.accessKeyId);
  if (!credentials) return fail(awsErrors.unrecognizedClient());
  const token = received.headers.get("x-amz-security-token");
  if ((credentials.sessionToken ?? null) !== token) return fail(awsErrors.unrecognizedClient());
  if (credentials.expiration && credentials.expiration.getTime() <= ctx.nowMs) return fail(awsErrors.expiredToken());

  const payloadHash = await sha256Hex(received.body);
  const claimedHash = received.headers.get("x-amz-content-sha256");
  if (claimedHash !== null && claimedHash !== payloadHash) {
    return fail(awsErrors.invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed."));
  }

  const query: Record<string, string | string[]> = {};
  for (const [key, value] of received.url.searchParams) {
    const prior = query[key];
    query[key] = prior === undefined ? value : ([] as string[]).concat(prior, value);
  }
  const request = {
    method: received.method,
    protocol: received.url.protocol,
    hostname: received.url.hostname,
    path: received.rawPath,
    query,
    headers: signedHeaderValues(received, parsed.signedHeaders),
  };
  // The session token is checked above; leaving it out of the signer's credentials keeps smithy
  // from adding an x-amz-security-token header the client may not have signed.
  const signer = new Resigner({
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region: ctx.region,
    service: ctx.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const scope = `${parsed.scopeDate}/${ctx.region}/${ctx.service}/aws4_request`;
  const canonical = signer.canonicalRequest(request, payloadHash, new Set(parsed.signedHeaders));
  const stringToSign = await signer.stringToSign(amzDate, scope, canonical);
  const expected = await signer.sign(stringToSign, { signingDate: signedAt, signingRegion: ctx.region, signingService: ctx.service });
  if (constantTimeEqual(expected, parsed.signature)) return { ok: true, accessKeyId: parsed.accessKeyId };

  // Like AWS, the answer echoes the canonical request with every signed header's value, the
  // session token included: a client must keep this text out of its own errors and logs.
  return fail(awsErrors.signatureMismatch(canonical, stringToSign));
}
