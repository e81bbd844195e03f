// Base error class for everything bedrock-edge throws on purpose.

const BRAND = Symbol.for("bedrock-edge.BedrockError");

export interface BedrockErrorOptions {
  /** HTTP status of the response that carried the error, when there was one. */
  status?: number;
  /** `x-amzn-requestid` of the failing request, when the service sent one. */
  requestId?: string;
  /** Whether sending the same request again may succeed. */
  retryable?: boolean;
  /** AWS's `__type` / `x-amzn-errortype` / `:exception-type`, kept as sent. */
  code?: string;
  /** Who is at fault, as the AWS SDK reports it; each error class sets its own. */
  fault?: "client" | "server";
  cause?: unknown;
}

/**
 * Base class of every error the library raises. Subclasses carry AWS's exception names
 * so `err.name === "ThrottlingException"` checks written for the AWS SDK keep working.
 * Messages never contain credentials; `toJSON` exposes only the fields below.
 */
export class BedrockError extends Error {
  override name = "BedrockError";
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly code: string | undefined;
  /** Client (`client`) or service (`server`) fault, as the AWS SDK reports it. */
  readonly $fault: "client" | "server";
  /** AWS SDK compatible metadata. */
  readonly $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
  /** The HTTP answer that carried the error, body scrubbed of secrets (as the AWS SDK's `$response`; not enumerable). */
  declare readonly $response?: { statusCode: number; headers: Record<string, string>; body: string; url: string };
  /** The rest of a long AWS message (the canonical request of a signature mismatch), scrubbed; `message` keeps its first part. */
  declare readonly details?: string;

  constructor(message: string, options: BedrockErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.requestId = options.requestId;
    this.retryable = options.retryable ?? false;
    this.code = options.code;
    this.$fault = options.fault ?? (options.status !== undefined && options.status < 500 ? "client" : "server");
    this.$metadata = {};
    if (options.status !== undefined) this.$metadata.httpStatusCode = options.status;
    if (options.requestId !== undefined) this.$metadata.requestId = options.requestId;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The AWS SDK's retryable trait: `{ throttling }` when sending again may succeed, else undefined. */
  get $retryable(): { throttling: boolean } | undefined {
    return this.retryable ? { throttling: this.status === 429 } : undefined;
  }

  /** Works across bundles and realms, where `instanceof` does not. */
  static isInstance(value: unknown): value is BedrockError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      retryable: this.retryable,
      code: this.code,
    };
  }
}
