// createSigningFetch: a `fetch` that signs requests for Bedrock Runtime APIs this package does not model.
import { raceSignal } from "../auth/race-signal.js";
import type { SecretScrubber } from "../auth/secret-scrubber.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { BedrockInputError, NetworkError, TimeoutError } from "../errors/exceptions.js";
import { errorFromResponse, isRetryableStatus } from "../errors/from-response.js";
import { linkSignal, sleep, toAbortError, type LinkedSignal } from "./abort.js";
import { clientConfig, type BedrockClient, type ClientConfig } from "./bedrock-client.js";
import { isClockSkewError } from "./clock-skew.js";
import { partitionOf } from "./partitions.js";
import { nextDelay, parseRetryAfter } from "./retry.js";

export interface SigningFetchOptions {
  /** Extra attempts on throttling, 5xx and network errors, before any response reaches the caller (default: the client's `maxRetries`). */
  maxRetries?: number;
  /** Per-attempt limit in ms until the response headers arrive (default: the client's `timeout`). */
  timeout?: number;
}

/**
 * Headers the signing fetch writes itself (or fetch does), so a caller's copy is dropped: the
 * signature and its inputs, our user agent, the body's length, and the gateway's token.
 */
const DROPPED = [
  "authorization",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "x-amz-user-agent",
  "host",
  "content-length",
  "cf-aig-authorization",
] as const;

const NO_BODY = new Set(["GET", "HEAD"]);
// Header values at least this long are masked in fetch's error text (which can quote them).
const MIN_MASKED_HEADER_LENGTH = 8;

/**
 * A `fetch` that signs each request for Bedrock (service `bedrock`, the client's region) with the
 * client's SigV4 credentials, or sends its API key as `Authorization: Bearer`: for the parts of
 * Bedrock Runtime this package does not model, such as the OpenAI-compatible Chat Completions API
 * (`https://bedrock-runtime.{region}.amazonaws.com/openai/v1`, "Invoke a model with the OpenAI Chat
 * Completions API", https://docs.aws.amazon.com/bedrock/latest/userguide/inference-chat-completions.html)
 * and the Responses API under the same base URL ("Responses API on the bedrock-mantle endpoint", which
 * says Bedrock serves it on both bedrock-runtime and bedrock-mantle:
 * https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-mantle.html).
 *
 * - Only URLs on the client's Bedrock Runtime endpoint (`bedrock-runtime[-fips].{region}.{partition
 *   suffix}` over https) or its `endpoint` option (same origin, under its path) are signed; any other
 *   URL is refused with a `BedrockInputError` before credentials are read, so the signer cannot be
 *   pointed at another host to harvest signatures. Redirects are not followed (`redirect: "manual"`).
 * - The body is read once and hashed into the signature. The caller's headers are kept and signed,
 *   except `authorization`, `x-amz-date`, `x-amz-security-token`, `x-amz-content-sha256`,
 *   `x-amz-user-agent`, `host`, `content-length` and `cf-aig-authorization`, which are dropped (an
 *   SDK's placeholder `Authorization: Bearer unused` included).
 * - Retries (the client's policy: throttling, 5xx, network errors and timeouts after signing; one
 *   immediate retry after a clock-skew refusal) happen only before a response is handed back, so a streamed body is never
 *   replayed. Once returned, the response is the caller's.
 * - Error responses come back as Responses (as from `fetch`), their body and headers scrubbed of
 *   every secret the client holds (AWS's signature-mismatch text quotes the session token). What it
 *   throws (a `NetworkError`, `TimeoutError`, `AbortError`, `BedrockInputError`) is scrubbed too.
 *
 * Clients that go through AI Gateway are refused, and hooks are not called.
 *
 * @example
 * ```ts
 * import OpenAI from "openai";
 * import { BedrockClient, createSigningFetch } from "bedrock-edge";
 * const client = new BedrockClient({ region: "us-west-2", credentials });
 * const openai = new OpenAI({
 *   baseURL: "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1",
 *   apiKey: "unused", // dropped: the signing fetch authenticates
 *   fetch: createSigningFetch(client),
 * });
 * const completion = await openai.chat.completions.create({ model: "openai.gpt-oss-20b-1:0", messages });
 * ```
 */
export function createSigningFetch(client: BedrockClient, options: SigningFetchOptions = {}): typeof fetch {
  const config = clientConfig(client);
  if (options === null || typeof options !== "object") throw new BedrockInputError("options must be an object");
  const { maxRetries = config.transport.retry.maxRetries, timeout = config.transport.timeoutMs } = options;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new BedrockInputError("maxRetries must be a non-negative integer");
  if (typeof timeout !== "number" || !(timeout > 0)) throw new BedrockInputError("timeout must be a positive number of milliseconds");
  if (config.gateway) throw new BedrockInputError("createSigningFetch: a client that goes through AI Gateway is not supported");
  const region = config.region ?? config.envRegion;
  if (region === undefined) throw new BedrockInputError("createSigningFetch: the client needs a `region` (or AWS_REGION)");
  const allowed = allowedTargets(region, config.endpoint);
  // async, so a Request that cannot be built (say, a URL with user info) rejects as fetch does.
  const signingFetch = async (input: RequestInfo | URL, init?: RequestInit) =>
    signAndSend(config, { region, allowed, maxRetries, timeout }, new Request(input, init));
  return signingFetch as typeof fetch;
}

interface Target {
  origin: string;
  /** The path every signed URL must start with (`/` or the endpoint's base path plus `/`). */
  prefix: string;
}

// `bedrock-mantle.{region}.api.aws` is left out: its docs show API keys with the OpenAI SDK, and the
// SigV4 signing name it expects is unconfirmed, so signing for it could only fail or mislead.
function allowedTargets(region: string, endpoint: URL | undefined): Target[] {
  const suffix = partitionOf(region).dnsSuffix;
  const targets = [
    { origin: `https://bedrock-runtime.${region}.${suffix}`, prefix: "/" },
    { origin: `https://bedrock-runtime-fips.${region}.${suffix}`, prefix: "/" },
  ];
  if (endpoint) {
    const base = endpoint.pathname.endsWith("/") ? endpoint.pathname : `${endpoint.pathname}/`;
    targets.push({ origin: endpoint.origin, prefix: base });
  }
  return targets;
}

/** True when `url` is on one of the targets. `URL` has already normalised case, default ports and dot segments. */
function isAllowedTarget(url: URL, targets: readonly Target[]): boolean {
  if (url.username !== "" || url.password !== "") return false;
  return targets.some((t) => url.origin === t.origin && (t.prefix === "/" || `${url.pathname}/`.startsWith(t.prefix)));
}

interface Settings {
  region: string;
  allowed: Target[];
  maxRetries: number;
  timeout: number;
}

async function signAndSend(config: ClientConfig, settings: Settings, request: Request): Promise<Response> {
  const { auth, retry, clock } = config.transport;
  const url = new URL(request.url);
  if (!isAllowedTarget(url, settings.allowed)) {
    const shown = url.origin.length > 80 ? `${url.origin.slice(0, 80)}…` : url.origin;
    throw new BedrockInputError(
      `createSigningFetch: refusing to sign a request to ${JSON.stringify(shown)}: only ${settings.allowed[0]!.origin}` +
        `${config.endpoint ? ` and the client's endpoint (${config.endpoint.origin})` : ""} are signed`,
    );
  }
  const method = request.method;
  const headers = new Headers();
  for (const [name, value] of config.headers) headers.set(name, value);
  request.headers.forEach((value, name) => headers.set(name, value));
  for (const name of DROPPED) headers.delete(name);
  headers.set("x-amz-user-agent", config.transport.userAgent);
  const body = NO_BODY.has(method) ? undefined : new Uint8Array(await request.arrayBuffer());
  const callerSignal = request.signal;

  let retries = 0;
  let skewRetried = false;
  for (;;) {
    const link = linkSignal(callerSignal);
    let signed: Headers | undefined;
    let failure: BedrockError;
    // The error response a retry would replace; handed back as it is if no retry can be made.
    let refused: Response | undefined;
    let retryAfterMs: number | undefined;
    let skewCorrected = false;
    try {
      link.arm(settings.timeout, `credentials were not resolved, or the request not signed, within ${settings.timeout} ms`);
      const toSign = { method, url: url.href, headers, body: body ?? new Uint8Array(0) };
      signed = await raceSignal(auth.apply(toSign, settings.region, link.signal), link.signal);
      link.arm(settings.timeout, `Bedrock did not answer within ${settings.timeout} ms`);
      const sentAtMs = Date.now();
      const response = await config.transport.fetch()(url.href, {
        method,
        headers: signed,
        ...(body ? { body } : {}),
        signal: link.signal,
        redirect: "manual",
      });
      if (response.status < 400) {
        // Handed over: the timeout ends here, the caller's signal stays linked to the body.
        link.arm(undefined, "");
        return response;
      }
      const scrubbed = await scrubbedResponse(response, auth.scrubber);
      const error = await errorFromResponse(scrubbed.clone());
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), clock.now().getTime());
      skewCorrected =
        auth.kind === "sigv4" &&
        isClockSkewError(error) &&
        clock.learn(response.headers.get("date"), response.headers.get("age"), sentAtMs, Date.now());
      const again = (skewCorrected && !skewRetried) || ((error.retryable || isRetryableStatus(response.status)) && retries < settings.maxRetries);
      link.dispose();
      if (!again) return scrubbed;
      failure = error;
      refused = scrubbed;
    } catch (error) {
      link.dispose();
      const out = thrown(error, link, signed, auth.scrubber);
      // As in `send`: a fetch that failed or timed out after signing (no response yet) is retried;
      // the caller's abort and credential failures are not (the provider is asked once per call).
      const retryable = out instanceof NetworkError || out instanceof TimeoutError;
      if (!retryable || signed === undefined || retries >= settings.maxRetries) throw out;
      failure = out;
    }
    if (skewCorrected && !skewRetried) {
      skewRetried = true;
      continue;
    }
    const delay = nextDelay(retries, retryAfterMs, retry);
    // The server asks for a longer pause than maxRetryDelay allows: its answer is the caller's.
    if (delay === undefined) {
      if (refused) return refused;
      throw failure;
    }
    retries++;
    await sleep(delay, callerSignal);
  }
}

/** The error response with its body read and every secret the client holds (and its headers' values) masked. */
async function scrubbedResponse(response: Response, scrubber: SecretScrubber): Promise<Response> {
  let text = "";
  try {
    text = scrubber.text(await response.text());
  } catch {
    // Body unreadable (connection dropped): the status still says enough.
  }
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (name !== "content-length" && name !== "content-encoding") headers.set(name, scrubber.text(value));
  });
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}

/**
 * What the signing fetch throws: our typed errors as they are (scrubbed), an abort or timeout as
 * its reason, anything else from fetch as a NetworkError without secrets or the header values sent.
 */
function thrown(error: unknown, link: LinkedSignal, signed: Headers | undefined, scrubber: SecretScrubber): Error {
  if (link.signal.aborted) return scrubber.error(toAbortError(link.signal.reason));
  if (BedrockError.isInstance(error)) return scrubber.error(error);
  const masked = signed ? scrubber.with([...signed.values()].filter((v) => v.length >= MIN_MASKED_HEADER_LENGTH)) : scrubber;
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(`fetch to Bedrock failed: ${masked.text(message)}`, { cause: masked.cause(error) });
}
