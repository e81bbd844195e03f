// Temporary credentials for browsers with no server: Cognito Identity pools over unsigned JSON 1.1 calls.
import { BedrockError } from "../errors/bedrock-error.js";
import {
  AccessDeniedException,
  BedrockInputError,
  InternalServerException,
  NetworkError,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
  type ExceptionClass,
} from "../errors/exceptions.js";
import { platformFetch } from "../runtime.js";
import type { AwsCredentials, CredentialsProvider } from "./credentials.js";
import { redactCredentials } from "./redact.js";
import { SecretScrubber } from "./secret-scrubber.js";

/** A login token, or a function returning a fresh one (called before every Cognito call). */
export type CognitoLogin = string | (() => string | Promise<string>);

export interface CognitoIdentityPoolOptions {
  /** `us-east-1:1a2b3c4d-…`: region, colon, pool GUID. */
  identityPoolId: string;
  /** Region of the Cognito endpoint. Defaults to the pool id's prefix. */
  region?: string;
  /** Identity provider name → token, e.g. `{ "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc": idToken }`. */
  logins?: Record<string, CognitoLogin>;
  /** Role to assume when the identity provider grants several (SAML, rules-based roles). */
  customRoleArn?: string;
  /** AWS account that owns the pool (GetId's optional `AccountId`). */
  accountId?: string;
  /** The fetch to call Cognito with (defaults to the global one, looked up per call). */
  fetch?: typeof fetch;
  /** Full URL of the Cognito Identity endpoint, e.g. an emulator's. */
  endpoint?: string | URL;
}

type Json = Record<string, unknown>;
type Operation = "GetId" | "GetCredentialsForIdentity";

// The API's own constraints: `[\w-]+:[0-9a-f-]+`, at most 55 characters.
const POOL_ID = /^[\w-]+:[0-9a-f-]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const TARGET_PREFIX = "AWSCognitoIdentityService.";

// Cognito's exception names → the closest typed error; the Cognito name stays in `code`.
const CLASS_FOR_TYPE: Record<string, ExceptionClass> = {
  NotAuthorizedException: AccessDeniedException,
  ResourceNotFoundException,
  TooManyRequestsException: ThrottlingException,
  InternalErrorException: InternalServerException,
  InvalidParameterException: ValidationException,
  ValidationException,
  LimitExceededException: ServiceQuotaExceededException,
};
const RETRYABLE_TYPES = new Set(["TooManyRequestsException", "InternalErrorException"]);
// After these the cached identity may be gone or tied to stale logins: the next call starts over.
const FORGET_IDENTITY_TYPES = new Set(["ResourceNotFoundException", "NotAuthorizedException"]);

function checkOptions(options: CognitoIdentityPoolOptions): { region: string; url: string } {
  if (options === null || typeof options !== "object") {
    throw new BedrockInputError("fromCognitoIdentityPool options must be an object");
  }
  const poolId = options.identityPoolId;
  if (typeof poolId !== "string" || poolId.length > 55 || !POOL_ID.test(poolId)) {
    throw new BedrockInputError('identityPoolId must look like "us-east-1:00000000-0000-0000-0000-000000000000"');
  }
  const region = options.region ?? poolId.slice(0, poolId.indexOf(":"));
  if (typeof region !== "string" || !REGION.test(region)) {
    throw new BedrockInputError(`region must look like "us-east-1"${options.region === undefined ? " (taken from identityPoolId)" : ""}`);
  }
  if (options.logins !== undefined) {
    if (options.logins === null || typeof options.logins !== "object") throw new BedrockInputError("logins must be an object");
    for (const [name, value] of Object.entries(options.logins)) {
      if (name === "") throw new BedrockInputError("logins must not have an empty provider name");
      if (typeof value === "function") continue;
      if (typeof value !== "string" || value === "") {
        throw new BedrockInputError(`logins[${JSON.stringify(name)}] must be a non-empty string or a function returning one`);
      }
    }
  }
  const arn = options.customRoleArn;
  if (arn !== undefined && (typeof arn !== "string" || arn.length < 20 || arn.length > 2048 || !arn.startsWith("arn:"))) {
    throw new BedrockInputError("customRoleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
  }
  if (options.accountId !== undefined && (typeof options.accountId !== "string" || !/^\d{1,15}$/.test(options.accountId))) {
    throw new BedrockInputError("accountId must be an AWS account id (digits)");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new BedrockInputError("fetch must be a function");
  let url: URL;
  try {
    url = new URL(String(options.endpoint ?? `https://cognito-identity.${region}.${region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"}/`));
  } catch {
    throw new BedrockInputError("endpoint must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new BedrockInputError("endpoint must use http: or https:");
  return { region, url: url.href };
}

async function resolveLogins(logins: Record<string, CognitoLogin> | undefined): Promise<Record<string, string> | undefined> {
  if (logins === undefined || Object.keys(logins).length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(logins)) {
    const token = typeof value === "function" ? await value() : value;
    if (typeof token !== "string" || token === "") {
      throw new BedrockInputError(`logins[${JSON.stringify(name)}] resolved to an empty or non-string token`);
    }
    out[name] = token;
  }
  return out;
}

/** A JSON 1.1 error (`__type` in the body or `x-amzn-errortype`) as a typed BedrockError. */
async function cognitoError(operation: Operation, response: Response, scrubber: SecretScrubber): Promise<BedrockError> {
  let body: Json = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (parsed && typeof parsed === "object") body = parsed as Json;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const raw = response.headers.get("x-amzn-errortype") ?? (typeof body.__type === "string" ? body.__type : "");
  // `NotAuthorizedException:http://…` or `com.amazonaws…#NotAuthorizedException` → the bare name.
  const type = raw.split(":")[0]!.split("#").pop()!;
  const text = body.message ?? body.Message;
  const detail = typeof text === "string" && text !== "" ? `: ${text}` : "";
  const requestId = response.headers.get("x-amzn-requestid") ?? undefined;
  const Ctor = (Object.hasOwn(CLASS_FOR_TYPE, type) ? CLASS_FOR_TYPE[type] : undefined) ?? BedrockError; // own keys only: `__proto__` is a wire name too
  // The whole text is scrubbed (a login token or earlier credentials may be quoted anywhere).
  return new Ctor(scrubber.text(`Cognito Identity ${operation} failed with ${type || `HTTP ${response.status}`}${detail}`), {
    status: response.status,
    retryable: RETRYABLE_TYPES.has(type) || response.status === 429 || response.status >= 500,
    ...(requestId ? { requestId } : {}),
    ...(type ? { code: scrubber.text(type) } : {}),
  });
}

async function call(operation: Operation, body: Json, url: string, fetchImpl: typeof fetch | undefined, scrubber: SecretScrubber): Promise<Json> {
  let response: Response;
  try {
    response = await (fetchImpl ?? platformFetch())(url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": TARGET_PREFIX + operation },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const message = scrubber.text(error instanceof Error ? error.message : String(error));
    throw new NetworkError(`Cognito Identity ${operation} request failed: ${message}`);
  }
  if (!response.ok) throw await cognitoError(operation, response, scrubber);
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === "object") return parsed as Json;
  } catch {
    // Falls through to the error below.
  }
  throw new BedrockError(`Cognito Identity ${operation} returned a body that is not a JSON object`, { status: response.status });
}

// Cognito's JSON protocol sends timestamps as epoch seconds (possibly fractional).
function toDate(value: unknown): Date | undefined {
  const ms = typeof value === "number" ? value * 1000 : typeof value === "string" ? (/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value)) : NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

function toCredentials(result: Json): AwsCredentials {
  const c = result.Credentials as Json | undefined;
  const missing = (what: string) => new BedrockError(`Cognito Identity GetCredentialsForIdentity returned no ${what}`);
  if (!c || typeof c !== "object") throw missing("Credentials");
  if (typeof c.AccessKeyId !== "string" || c.AccessKeyId === "") throw missing("AccessKeyId");
  if (typeof c.SecretKey !== "string" || c.SecretKey === "") throw missing("SecretKey");
  if (typeof c.SessionToken !== "string" || c.SessionToken === "") throw missing("SessionToken");
  const expiration = toDate(c.Expiration);
  if (!expiration) throw missing("valid Expiration");
  return redactCredentials({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, expiration });
}

/**
 * Temporary credentials from a Cognito Identity pool: `GetId` once (the identity id is cached),
 * then `GetCredentialsForIdentity` on every call. Both are public, unsigned calls, so this works
 * in a browser with no server. Pass the provider as a client's `credentials`: the client caches
 * the result and refreshes it before `expiration`, one call at a time.
 *
 * @example
 * const client = new BedrockRuntime({
 *   region: "us-east-1",
 *   credentials: fromCognitoIdentityPool({ identityPoolId: "us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d" }),
 * });
 */
export function fromCognitoIdentityPool(options: CognitoIdentityPoolOptions): CredentialsProvider {
  const { url } = checkOptions(options);
  const { identityPoolId, customRoleArn, accountId, fetch: fetchImpl } = options;
  let identity: Promise<string> | undefined;

  // Login tokens and the credentials already handed out: none may reach an error's text.
  const scrubber = new SecretScrubber();
  const getId = async (logins: Record<string, string> | undefined): Promise<string> => {
    const body: Json = { IdentityPoolId: identityPoolId };
    if (logins) body.Logins = logins;
    if (accountId !== undefined) body.AccountId = accountId;
    const result = await call("GetId", body, url, fetchImpl, scrubber);
    if (typeof result.IdentityId !== "string" || result.IdentityId === "") {
      throw new BedrockError("Cognito Identity GetId returned no IdentityId");
    }
    return result.IdentityId;
  };

  return async () => {
    const logins = await resolveLogins(options.logins);
    scrubber.add(...Object.values(logins ?? {}));
    // Concurrent first calls share one GetId; a failed one is forgotten so the next call retries.
    const pending = (identity ??= getId(logins));
    pending.catch(() => {
      if (identity === pending) identity = undefined;
    });
    const identityId = await pending;
    const body: Json = { IdentityId: identityId };
    if (logins) body.Logins = logins;
    if (customRoleArn !== undefined) body.CustomRoleArn = customRoleArn;
    try {
      const credentials = toCredentials(await call("GetCredentialsForIdentity", body, url, fetchImpl, scrubber));
      scrubber.add(credentials.secretAccessKey, credentials.sessionToken);
      return credentials;
    } catch (error) {
      if (identity === pending && BedrockError.isInstance(error) && FORGET_IDENTITY_TYPES.has(error.code ?? "")) identity = undefined;
      throw error;
    }
  };
}
