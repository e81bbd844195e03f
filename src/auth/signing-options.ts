// SigV4's options, checked before anything is hashed, and the guard that keeps secrets out of signing errors.
import { BedrockInputError } from "../errors/index.js";
import { validateCredentials, type AwsCredentials } from "./credentials.js";
import { scrubError } from "./redact.js";
import { Sha256, type ChecksumConstructor } from "./sha256.js";

export interface SigningOptions {
  credentials: AwsCredentials;
  /** Region in the credential scope, even when the URL points at a local endpoint. */
  region: string;
  /** Signing name. Bedrock Runtime signs as `bedrock`, not `bedrock-runtime`. */
  service?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /**
   * SHA-256 / HMAC implementation. Defaults to `Sha256` (WebCrypto only); `HybridSha256` adds
   * pure JS for small inputs and for runtimes without `crypto.subtle`.
   */
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

/** Options after validation, defaults filled in. */
export interface ResolvedSigning {
  credentials: AwsCredentials;
  region: string;
  service: string;
  signingDate: Date;
  sha256: ChecksumConstructor;
  applyChecksum: boolean;
}

const DEFAULT_SERVICE = "bedrock";
// Scope parts end up between slashes in the credential scope, so a slash or space would forge it.
const SCOPE_PART = /^[A-Za-z0-9._-]+$/;

/** Validates the options, naming the field at fault in a BedrockInputError. */
export function resolveSigning(options: SigningOptions): ResolvedSigning {
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
  return {
    credentials,
    region: options.region,
    service,
    signingDate,
    sha256: options.sha256 ?? Sha256,
    applyChecksum: options.applyChecksum ?? true,
  };
}

// Signing touches the secret (the signing key is `AWS4` + secret); whatever fails in there
// leaves with the secret and token redacted.
export async function guardSecrets<T>(options: SigningOptions, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const c = options?.credentials as Partial<AwsCredentials> | undefined;
    throw scrubError(error, [c?.secretAccessKey, c?.sessionToken], "SigV4 signing failed");
  }
}
