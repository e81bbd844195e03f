// SigV4 signing of fetch requests for Bedrock, delegated to @smithy/signature-v4, with each step visible.
import { SignatureV4 } from "@smithy/signature-v4";
import { BedrockInputError } from "../errors/index.js";
import { validateCredentials, type AwsCredentials } from "./credentials.js";
import { scrubError } from "./redact.js";
import { Sha256, type ChecksumConstructor } from "./sha256.js";
import {
  headersForFetch,
  parseRequestUrl,
  toSmithyRequest,
  urlWithQuery,
  type SignableRequest,
  type SmithyHttpRequest,
} from "./signable-request.js";

export interface SigningOptions {
  credentials: AwsCredentials;
  /** Region in the credential scope, even when the URL points at a local endpoint. */
  region: string;
  /** Signing name. Bedrock Runtime signs as `bedrock`, not `bedrock-runtime`. */
  service?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** SHA-256 / HMAC implementation. Defaults to WebCrypto with a pure-JS fallback. */
  sha256?: ChecksumConstructor;
  /** Send and sign `x-amz-content-sha256` (as the AWS SDK does). Default true. */
  applyChecksum?: boolean;
}

/** The outcome of each SigV4 step, for tests and debugging. Holds no secret. */
export interface SigningSteps {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export interface SignedRequest extends SigningSteps {
  /** The caller's headers plus `authorization`, `x-amz-date`, and where they apply
   * `x-amz-security-token` and `x-amz-content-sha256`. No `host`: fetch sets it from the URL. */
  headers: Headers;
}

export interface PresignOptions extends SigningOptions {
  /** Seconds the URL stays valid (`X-Amz-Expires`). Default 3600, at most 7 days. */
  expiresIn?: number;
}

export interface PresignedRequest extends SigningSteps {
  /** The URL with `X-Amz-Algorithm`, `X-Amz-Credential`, …, `X-Amz-Signature` in its query. */
  url: URL;
  /** Headers that were signed and must be sent with the URL (minus `host` and hoisted `x-amz-*`). */
  headers: Headers;
}

const DEFAULT_SERVICE = "bedrock";
const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;
const SCOPE_PART = /^[A-Za-z0-9._-]+$/;

/** SignatureV4 that remembers the canonical request and string to sign it produced. */
class StepRecordingSigner extends SignatureV4 {
  canonicalRequest = "";
  stringToSign = "";

  constructor(init: ConstructorParameters<typeof SignatureV4>[0]) {
    super(init);
    // SignatureV4 starts deriving the signing key before it hashes the canonical request and
    // abandons that promise when hashing fails, which would surface as an unhandled rejection
    // carrying the hash's error. Mark it handled; the failure still rejects the call itself.
    const self = this as unknown as { getSigningKey?: (...args: unknown[]) => Promise<unknown> };
    const derive = self.getSigningKey;
    if (typeof derive === "function") {
      self.getSigningKey = (...args) => {
        const key = derive.apply(this, args);
        key.catch(() => {});
        return key;
      };
    }
  }

  protected override createCanonicalRequest(
    request: SmithyHttpRequest,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    return this.canonicalRequest;
  }

  protected override async createStringToSign(
    longDate: string,
    credentialScope: string,
    canonicalRequest: string,
    algorithmIdentifier: string,
  ): Promise<string> {
    this.stringToSign = await super.createStringToSign(longDate, credentialScope, canonicalRequest, algorithmIdentifier);
    return this.stringToSign;
  }
}

function setUp(options: SigningOptions): { signer: StepRecordingSigner; signingDate: Date } {
  const credentials = validateCredentials(options.credentials);
  const service = options.service ?? DEFAULT_SERVICE;
  if (typeof options.region !== "string" || !SCOPE_PART.test(options.region)) {
    throw new BedrockInputError("region must be a non-empty region name such as us-east-1");
  }
  if (typeof service !== "string" || !SCOPE_PART.test(service)) {
    throw new BedrockInputError("service must be a non-empty signing name such as bedrock");
  }
  const signingDate = (options.now ?? (() => new Date()))();
  if (!(signingDate instanceof Date) || Number.isNaN(signingDate.getTime())) {
    throw new BedrockInputError("now() must return a valid Date");
  }
  const signer = new StepRecordingSigner({
    credentials,
    region: options.region,
    service,
    sha256: options.sha256 ?? Sha256,
    // Non-S3 services encode the already-encoded path once more: `%3A` signs as `%253A`.
    uriEscapePath: true,
    applyChecksum: options.applyChecksum ?? true,
  });
  return { signer, signingDate };
}

// Signing touches the secret (the signing key is `AWS4` + secret); whatever fails in there
// leaves with the secret and token redacted.
async function guarded<T>(options: SigningOptions, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const c = options?.credentials as Partial<AwsCredentials> | undefined;
    throw scrubError(error, [c?.secretAccessKey, c?.sessionToken], "SigV4 signing failed");
  }
}

/**
 * Signs a request for the `Authorization` header and reports every step.
 *
 * @example
 * const signed = await signRequestDetailed(
 *   { method: "POST", url, headers: { "content-type": "application/json" }, body },
 *   { credentials, region: "us-east-1" },
 * );
 * await fetch(url, { method: "POST", headers: signed.headers, body });
 */
export function signRequestDetailed(request: SignableRequest, options: SigningOptions): Promise<SignedRequest> {
  return guarded(options, async () => {
    const { signer, signingDate } = setUp(options);
    const signed = await signer.sign(toSmithyRequest(request), { signingDate });
    const signature = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? "")?.[1] ?? "";
    return {
      headers: headersForFetch(signed.headers),
      canonicalRequest: signer.canonicalRequest,
      stringToSign: signer.stringToSign,
      signature,
    };
  });
}

/**
 * The request's headers plus SigV4's: `authorization`, `x-amz-date`, `x-amz-security-token`
 * (with a session token) and `x-amz-content-sha256`. The URL's path must already be
 * percent-encoded as sent (a model ARN as one `encodeURIComponent`'d segment).
 *
 * @example
 * const url = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(modelId)}/converse`;
 * const headers = await signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body },
 *   { credentials, region: "us-east-1" });
 */
export async function signRequest(request: SignableRequest, options: SigningOptions): Promise<Headers> {
  return (await signRequestDetailed(request, options)).headers;
}

/**
 * Presigns a request: the signature travels in the URL's query (`X-Amz-Signature`), valid for
 * `expiresIn` seconds. Used for short-term Bedrock API keys.
 */
export function presignRequest(request: SignableRequest, options: PresignOptions): Promise<PresignedRequest> {
  return guarded(options, async () => {
    const expiresIn = options.expiresIn ?? 3600;
    if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS) {
      throw new BedrockInputError(`expiresIn must be a whole number of seconds from 1 to ${MAX_PRESIGN_SECONDS}`);
    }
    const { signer, signingDate } = setUp(options);
    const presigned = await signer.presign(toSmithyRequest(request), { signingDate, expiresIn });
    return {
      url: urlWithQuery(parseRequestUrl(request.url), presigned.query),
      headers: headersForFetch(presigned.headers),
      canonicalRequest: signer.canonicalRequest,
      stringToSign: signer.stringToSign,
      signature: String(presigned.query?.["X-Amz-Signature"] ?? ""),
    };
  });
}
