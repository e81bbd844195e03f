// SigV4 query signing (presigned URLs) through @smithy/signature-v4's SignatureV4, for short-term API keys.
import { SignatureV4 } from "@smithy/signature-v4";
import { BedrockInputError } from "../errors/index.js";
import { guardSecrets, resolveSigning, type SigningOptions, type SigningSteps } from "./signing-options.js";
import { headersForFetch, parseRequestUrl, toSmithyRequest, urlWithQuery, type SignableRequest, type SmithyHttpRequest } from "./signable-request.js";

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

const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

/** SignatureV4 that remembers the canonical request and string to sign it produced. */
class StepRecordingSigner extends SignatureV4 {
  canonicalRequest = "";
  stringToSign = "";

  constructor(init: ConstructorParameters<typeof SignatureV4>[0]) {
    super(init);
    // SignatureV4 starts deriving the signing key before it hashes the payload and abandons that
    // promise when hashing fails, which would surface as an unhandled rejection carrying the
    // hash's error. Mark it handled; the failure still rejects the call itself.
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

/**
 * Presigns a request: the signature travels in the URL's query (`X-Amz-Signature`), valid for
 * `expiresIn` seconds. Used for short-term Bedrock API keys.
 *
 * @example
 * const { url } = await presignRequest({ method: "GET", url: "https://bedrock.amazonaws.com/?Action=CallWithBearerToken" },
 *   { credentials, region: "us-east-1", expiresIn: 900 });
 */
export function presignRequest(request: SignableRequest, options: PresignOptions): Promise<PresignedRequest> {
  return guardSecrets(options, async () => {
    const expiresIn = options.expiresIn ?? 3600;
    if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS) {
      throw new BedrockInputError(`expiresIn must be a whole number of seconds from 1 to ${MAX_PRESIGN_SECONDS}`);
    }
    const { credentials, region, service, signingDate, sha256, applyChecksum } = resolveSigning(options);
    const signer = new StepRecordingSigner({
      credentials,
      region,
      service,
      sha256,
      // Non-S3 services encode the already-encoded path once more: `%3A` signs as `%253A`.
      uriEscapePath: true,
      applyChecksum,
    });
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
