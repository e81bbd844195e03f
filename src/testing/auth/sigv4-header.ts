// Parses a SigV4 `Authorization` header and its credential scope, with AWS's complaints for bad ones.
import { awsErrors, type AwsError } from "../aws-error.js";

export interface ParsedSigV4 {
  accessKeyId: string;
  scopeDate: string;
  scopeRegion: string;
  scopeService: string;
  scopeTerminator: string;
  signedHeaders: string[];
  signature: string;
}

export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/** `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=…` */
export function parseSigV4Header(header: string): ParsedSigV4 | AwsError {
  const space = header.indexOf(" ");
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    return awsErrors.incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm.slice(0, 40)}'. Expected '${SIGV4_ALGORITHM}'.`);
  }
  const params = new Map<string, string>();
  for (const part of header.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((name) => !params.get(name));
  if (missing.length > 0) {
    return awsErrors.incompleteSignature(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(" "));
  }
  const credential = params.get("Credential")!.split("/");
  if (credential.length !== 5 || credential.some((piece) => piece === "")) {
    return awsErrors.incompleteSignature(
      "Credential must have exactly 5 slash-separated components: <access key>/<date>/<region>/<service>/aws4_request.",
    );
  }
  const [accessKeyId, scopeDate, scopeRegion, scopeService, scopeTerminator] = credential as [string, string, string, string, string];
  const signedHeaders = params.get("SignedHeaders")!.split(";").map((name) => name.trim().toLowerCase());
  return {
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    scopeTerminator,
    signedHeaders,
    signature: params.get("Signature")!,
  };
}

/** Checks the scope against the service, region and request date, as AWS does before any key lookup. */
export function checkScope(parsed: ParsedSigV4, amzDate: string, region: string, service: string): AwsError | undefined {
  if (parsed.scopeDate !== amzDate.slice(0, 8)) {
    return awsErrors.invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (parsed.scopeRegion !== region) {
    return awsErrors.invalidSignature(`Credential should be scoped to a valid region, not '${parsed.scopeRegion}'. `);
  }
  if (parsed.scopeService !== service) {
    return awsErrors.invalidSignature(`Credential should be scoped to correct service: '${service}'. `);
  }
  if (parsed.scopeTerminator !== "aws4_request") {
    return awsErrors.invalidSignature(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${parsed.scopeTerminator}'. `,
    );
  }
  if (!parsed.signedHeaders.includes("host")) {
    return awsErrors.incompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return undefined;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses `20150830T123600Z`; undefined when it is not ISO-8601 basic format. */
export function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Formats an instant as `20150830T123600Z`. */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * AWS's "Signature expired" / "not yet current" check; undefined when within `maxSkewMs`. Bedrock
 * answers 403 InvalidSignatureException with `{"message": …}` and the server's own time in the text:
 * https://github.com/anthropics/anthropic-sdk-go/issues/122 (Bedrock, 403, exact body),
 * https://github.com/aws-samples/bedrock-access-gateway/issues/163 (ConverseStream),
 * https://github.com/NickWaterton/Roomba980-Python/issues/118 ("not yet current", + 5 min.).
 */
export function checkSkew(amzDate: string, signedAt: Date, nowMs: number, maxSkewMs: number): AwsError | undefined {
  const minutes = `${Math.round(maxSkewMs / 60_000)} min.`;
  if (signedAt.getTime() < nowMs - maxSkewMs) {
    return awsErrors.invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - maxSkewMs)} (${formatAmzDate(nowMs)} - ${minutes})`,
    );
  }
  if (signedAt.getTime() > nowMs + maxSkewMs) {
    return awsErrors.invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + maxSkewMs)} (${formatAmzDate(nowMs)} + ${minutes})`,
    );
  }
  return undefined;
}
