// InvokeModel in and out: the body's bytes, the request's X-Amzn-Bedrock-* headers, and the answer's blob and headers.
import { BedrockInputError } from "../../errors/exceptions.js";
import type { PerformanceConfigLatency, ServiceTierType } from "../types/enums.js";
import type { InvocationMetrics, InvokeBody, InvokeModelRequest, InvokeResponseBody } from "../types/invoke.js";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/**
 * The bytes of an InvokeModel body: a `Uint8Array` as it is, a string as UTF-8, anything else as
 * `JSON.stringify(body)` (our convenience; the AWS SDK takes bytes or a string only).
 * @example invokeBody({ prompt: "Hi", max_gen_len: 64 }) // the UTF-8 bytes of '{"prompt":"Hi","max_gen_len":64}'
 */
export function invokeBody(body: InvokeBody | undefined): Uint8Array<ArrayBuffer> {
  if (body === undefined) return new Uint8Array(0);
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (typeof body === "string") return utf8.encode(body);
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (cause) {
    throw new BedrockInputError(`body cannot be written as JSON (JSON.stringify threw ${cause instanceof Error ? cause.name : typeof cause})`, { cause });
  }
  if (text === undefined) throw new BedrockInputError("body must be bytes, a string or a JSON value");
  return utf8.encode(text);
}

// The request members that travel as headers, named as in the service model (botocore's
// bedrock-runtime service-2.json and the AWS SDK's InvokeModelRequest schema).
const HEADER_MEMBERS = [
  ["trace", "x-amzn-bedrock-trace"],
  ["guardrailIdentifier", "x-amzn-bedrock-guardrailidentifier"],
  ["guardrailVersion", "x-amzn-bedrock-guardrailversion"],
  ["performanceConfigLatency", "x-amzn-bedrock-performanceconfig-latency"],
  ["serviceTier", "x-amzn-bedrock-service-tier"],
] as const;

/**
 * The X-Amzn-Bedrock-* headers of an InvokeModel request (lower-cased, in a fixed order), plus
 * `x-amzn-bedrock-accept` for the streaming variant, whose HTTP `Accept` is the event stream.
 * @example invokeHeaders({ modelId, trace: "ENABLED" }, false) // [["x-amzn-bedrock-trace", "ENABLED"]]
 */
export function invokeHeaders(request: InvokeModelRequest, stream: boolean): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  headerValue(request.contentType, "contentType");
  headerValue(request.accept, "accept");
  if (stream && request.accept !== undefined) headers.push(["x-amzn-bedrock-accept", request.accept]);
  for (const [member, name] of HEADER_MEMBERS) {
    const value = headerValue(request[member], member);
    if (value !== undefined) headers.push([name, value]);
  }
  return headers;
}

// Visible ASCII and spaces: what fetch and SigV4 agree on (see request-headers.ts).
const SAFE_VALUE = /^[\x20-\x7e]+$/;

/** A member sent as a header: undefined, or a non-empty string fetch can send as it is signed. */
function headerValue(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !SAFE_VALUE.test(value)) {
    throw new BedrockInputError(`${field} must be a non-empty string of printable ASCII (it is sent as a header)`);
  }
  return value;
}

/** The answer's bytes with the SDK's `transformToString()` (Uint8ArrayBlobAdapter's helper). */
export function invokeResponseBody(bytes: Uint8Array<ArrayBuffer>): InvokeResponseBody {
  const body = bytes as InvokeResponseBody;
  Object.defineProperty(body, "transformToString", {
    value(encoding = "utf-8") {
      if (!/^utf-?8$/i.test(encoding)) throw new BedrockInputError(`transformToString: only utf-8 is supported, got ${JSON.stringify(encoding)}`);
      return fromUtf8.decode(body);
    },
  });
  return body;
}

/** `contentType`, `performanceConfigLatency` and `serviceTier` from an InvokeModel answer's headers (`x-amzn-bedrock-content-type` for streams). */
export function invokeResponseHeaders(
  headers: Headers,
  stream: boolean,
): { contentType: string | undefined; performanceConfigLatency?: PerformanceConfigLatency; serviceTier?: ServiceTierType } {
  const latency = headers.get("x-amzn-bedrock-performanceconfig-latency");
  const tier = headers.get("x-amzn-bedrock-service-tier");
  return {
    contentType: headers.get(stream ? "x-amzn-bedrock-content-type" : "content-type") ?? undefined,
    ...(latency !== null ? { performanceConfigLatency: latency as PerformanceConfigLatency } : {}),
    ...(tier !== null ? { serviceTier: tier as ServiceTierType } : {}),
  };
}

/** The invocation metrics headers of an InvokeModel answer, or undefined when it has none. */
export function invocationMetrics(headers: Headers): InvocationMetrics | undefined {
  const out: InvocationMetrics = {};
  const read = (key: keyof InvocationMetrics, name: string) => {
    const n = Number(headers.get(`x-amzn-bedrock-${name}`) ?? NaN);
    // A count is a whole number; anything else a proxy wrote is not one.
    if (Number.isSafeInteger(n) && n >= 0) out[key] = n;
  };
  read("inputTokenCount", "input-token-count");
  read("outputTokenCount", "output-token-count");
  read("invocationLatency", "invocation-latency");
  return Object.keys(out).length > 0 ? out : undefined;
}
