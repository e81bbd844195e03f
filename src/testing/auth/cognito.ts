// Emulated Cognito Identity (GetId, GetCredentialsForIdentity) that mints credentials the emulator accepts.
import type { Dict } from "../../internal/index.js";
import type { EmulatorRoute } from "../emulator.js";
import { requestId } from "../server/index.js";
import type { EmulatorCredentials } from "../types.js";

export interface CognitoEmulatorOptions {
  /** The one pool that exists (default EMULATOR_IDENTITY_POOL_ID). Others get ResourceNotFoundException. */
  identityPoolId?: string;
  /** Lifetime of minted credentials in seconds (default 3600, as Cognito's). */
  credentialTtlSeconds?: number;
  /**
   * Identity providers the pool trusts: provider name → the accepted token, or a check of it.
   * Unset: every call is unauthenticated and any `Logins` are refused.
   */
  logins?: Record<string, string | ((token: string) => boolean)>;
  /** Whether calls without `Logins` get credentials (default true without `logins`, false with them). */
  allowUnauthenticated?: boolean;
}

/** An identity pool id in the right format; nothing on AWS has it. */
export const EMULATOR_IDENTITY_POOL_ID = "us-east-1:00000000-0000-4000-8000-00000000c0de";

const TARGET_PREFIX = "AWSCognitoIdentityService.";
const POOL_ID = /^[\w-]+:[0-9a-f-]+$/;
const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function randomString(alphabet: string, length: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

// JSON 1.1 errors: `__type` in the body and `x-amzn-ErrorType`, status 400 for client faults.
function error(type: string, message: string, status = 400): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": `${type}:` },
  });
}

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/x-amz-json-1.1" } });
}

/**
 * The route the emulator serves Cognito Identity with (`cognito` option). Identities live as long
 * as the emulator; every GetCredentialsForIdentity mints fresh `ASIA…` credentials with a session
 * token and registers them through `addCredentials`, so requests signed with them pass.
 */
export function createCognitoRoute(
  options: CognitoEmulatorOptions,
  addCredentials: (credentials: EmulatorCredentials) => void,
): EmulatorRoute {
  const poolId = options.identityPoolId ?? EMULATOR_IDENTITY_POOL_ID;
  if (!POOL_ID.test(poolId)) throw new TypeError(`cognito.identityPoolId must look like "us-east-1:<guid>"`);
  if (options.credentialTtlSeconds !== undefined && !(options.credentialTtlSeconds > 0)) {
    throw new TypeError("cognito.credentialTtlSeconds must be a positive number");
  }
  const poolRegion = poolId.slice(0, poolId.indexOf(":"));
  const ttlMs = (options.credentialTtlSeconds ?? 3600) * 1000;
  const trusted = options.logins ?? {};
  const allowUnauthenticated = options.allowUnauthenticated ?? options.logins === undefined;
  const identities = new Map<string, { logins: string | undefined }>();
  // Cognito hands the same user the same identity: keyed by the logins presented.
  const byLogins = new Map<string, string>();

  /** A problem with `Logins`, or undefined when they pass; returns the key identifying the user. */
  function checkLogins(logins: unknown): { key: string | undefined } | Response {
    if (logins === undefined || (typeof logins === "object" && logins !== null && Object.keys(logins).length === 0)) {
      return allowUnauthenticated
        ? { key: undefined }
        : error("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.");
    }
    if (typeof logins !== "object" || logins === null) return error("ValidationException", "Logins must be a map of provider names to tokens.");
    const entries = Object.entries(logins as Dict).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [provider, token] of entries) {
      const accept = trusted[provider];
      if (accept === undefined) return error("NotAuthorizedException", "Token is not from a supported provider of this identity pool.");
      const valid = typeof token === "string" && (typeof accept === "function" ? accept(token) : accept === token);
      if (!valid) return error("NotAuthorizedException", "Invalid login token.");
    }
    return { key: JSON.stringify(entries) };
  }

  function getId(body: Dict): Response {
    const id = body.IdentityPoolId;
    if (typeof id !== "string" || id.length > 55 || !POOL_ID.test(id)) {
      return error(
        "ValidationException",
        "1 validation error detected: Value at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
      );
    }
    if (id !== poolId) return error("ResourceNotFoundException", `IdentityPool '${id}' not found.`);
    const checked = checkLogins(body.Logins);
    if (checked instanceof Response) return checked;
    let identityId = checked.key !== undefined ? byLogins.get(checked.key) : undefined;
    if (identityId === undefined) {
      identityId = `${poolRegion}:${requestId()}`;
      identities.set(identityId, { logins: checked.key });
      if (checked.key !== undefined) byLogins.set(checked.key, identityId);
    }
    return ok({ IdentityId: identityId });
  }

  function getCredentials(body: Dict, now: number): Response {
    const identityId = body.IdentityId;
    const identity = typeof identityId === "string" ? identities.get(identityId) : undefined;
    if (typeof identityId !== "string" || identity === undefined) {
      return error("ResourceNotFoundException", `Identity '${String(identityId)}' not found.`);
    }
    const checked = checkLogins(body.Logins);
    if (checked instanceof Response) return checked;
    // An authenticated identity needs its logins again; another user's logins do not fit it.
    if (identity.logins !== undefined && checked.key !== identity.logins) {
      return error("NotAuthorizedException", "Logins don't match. Please include at least one valid login for this identity or identity pool.");
    }
    const expiration = new Date(now + ttlMs);
    const credentials = {
      accessKeyId: `ASIA${randomString(KEY_ALPHABET, 16)}`,
      secretAccessKey: randomString(SECRET_ALPHABET, 40),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomString(SECRET_ALPHABET, 200)}`,
      expiration,
    };
    addCredentials(credentials);
    return ok({
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        // JSON 1.1 timestamps are epoch seconds.
        Expiration: expiration.getTime() / 1000,
      },
    });
  }

  return (request, info) => {
    const target = request.headers.get("x-amz-target");
    if (request.method !== "POST" || target === null || !target.startsWith(TARGET_PREFIX)) return undefined;
    let body: Dict;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(info.body));
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Dict;
    } catch {
      return error("SerializationException", "Start of structure or map found where not expected.");
    }
    switch (target.slice(TARGET_PREFIX.length)) {
      case "GetId":
        return getId(body);
      case "GetCredentialsForIdentity":
        return getCredentials(body, info.now);
      default:
        return error("UnknownOperationException", `The emulator does not serve ${target}.`);
    }
  };
}
