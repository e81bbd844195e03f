// The emulator's asynchronous invocations: StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes over jobs that finish on the emulator's clock.
// Shapes and limits: the service model (aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-runtime.json, AsyncInvoke*) and
// docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_{Start,Get}AsyncInvoke.html, API_runtime_ListAsyncInvokes.html.
import { awsErrors, type AwsError } from "../aws-error.js";
import { isObject } from "../../internal/index.js";

/** Settings of the emulator's asynchronous invocations (`EmulatorOptions.asyncInvoke`). */
export interface AsyncInvokeOptions {
  /**
   * How long a job stays `InProgress`, by the emulator's clock (default 1000 ms). Give the emulator
   * a `now` you can move to step a job to `Completed` without waiting.
   */
  durationMs?: number;
  /** The account in invocation ARNs (default "123456789012"). */
  accountId?: string;
}

/** A job as the emulator holds it; `outputFiles` is what Bedrock would have written under the S3 URI once it completed. */
export interface AsyncInvokeRecord {
  invocationArn: string;
  modelId: string;
  modelInput: unknown;
  outputDataConfig: { s3OutputDataConfig: { s3Uri: string; kmsKeyId?: string; bucketOwner?: string } };
  clientRequestToken?: string;
  tags?: unknown[];
  submitTimeMs: number;
  endTimeMs: number;
  /** Set when the job fails: a modelInput holding the text "emulator:fail" anywhere fails (the emulator's own trigger and words). */
  failureMessage?: string;
  outputFiles: string[];
}

/**
 * Models Bedrock runs asynchronously (the user guide's StartAsyncInvoke models: Nova Reel video,
 * TwelveLabs Marengo embeddings, Luma Ray). Any other model, known or not, is refused as Bedrock
 * refuses mistral.mistral-small-2402-v1:0: 400 "The provided request is not valid"
 * (https://github.com/boto/boto3/issues/4382).
 */
export const ASYNC_INVOKE_MODEL_IDS: readonly string[] = [
  "amazon.nova-reel-v1:0",
  "amazon.nova-reel-v1:1",
  "twelvelabs.marengo-embed-2-7-v1:0",
  "twelvelabs.marengo-embed-3-0-v1:0",
  "luma.ray-v2:0",
];
const NOT_VALID = "The provided request is not valid";
export const FAIL_TRIGGER = "emulator:fail";
const FAILURE_MESSAGE = 'The emulator failed this invocation: its modelInput contains "emulator:fail".';
// Unconfirmed wording (no public capture found): StartAsyncInvoke declares ConflictException for a reused token.
const TOKEN_CONFLICT = "The clientRequestToken was already used with a different request.";
// GetAsyncInvoke declares no ResourceNotFoundException in the service model; Bedrock's generic 404 is assumed, wording unconfirmed.
const NOT_FOUND = "The specified invocation ARN does not exist.";
const BAD_TOKEN = "The provided nextToken is not valid.";

// Coral's constraint wording, as Bedrock answers other malformed members
// ("1 validation error detected: Value at 'body' failed to satisfy constraint: …", aws/aws-sdk-js#4203).
const constraint = (value: unknown, member: string, rule: string): AwsError =>
  awsErrors.validation(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must ${rule}`);

const S3_URI = /^s3:\/\/[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9](\/.*)?$/s;
const TOKEN = /^[!-~]{1,256}$/;
const ARN_ID = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:async-invoke\/[a-z0-9]{12}$/;
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const STATUSES = ["InProgress", "Completed", "Failed"];

type Answer = { status: number; body: unknown } | AwsError;

const isError = (answer: Answer): answer is AwsError => "type" in answer;

function newId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

/** The base ID under an inference-profile prefix or ARN: `us.amazon.nova-reel-v1:1` → `amazon.nova-reel-v1:1`. */
function baseModelId(modelId: string): string {
  const tail = modelId.startsWith("arn:") ? modelId.slice(modelId.lastIndexOf("/") + 1) : modelId;
  return ASYNC_INVOKE_MODEL_IDS.includes(tail) ? tail : tail.slice(tail.indexOf(".") + 1);
}

/** The async-invoke state of one emulator: jobs, their idempotency tokens, and the answers to the three operations. */
export function createAsyncInvokes(region: string, options: AsyncInvokeOptions = {}) {
  const durationMs = options.durationMs ?? 1000;
  const account = options.accountId ?? "123456789012";
  const jobs = new Map<string, AsyncInvokeRecord>();
  const byToken = new Map<string, { body: string; arn: string }>();

  const statusAt = (job: AsyncInvokeRecord, nowMs: number) => (nowMs < job.endTimeMs ? "InProgress" : job.failureMessage ? "Failed" : "Completed");

  function view(job: AsyncInvokeRecord, nowMs: number) {
    const status = statusAt(job, nowMs);
    const done = status !== "InProgress";
    return {
      invocationArn: job.invocationArn,
      modelArn: job.modelId.startsWith("arn:") ? job.modelId : `arn:aws:bedrock:${region}::foundation-model/${baseModelId(job.modelId)}`,
      ...(job.clientRequestToken !== undefined ? { clientRequestToken: job.clientRequestToken } : {}),
      status,
      ...(status === "Failed" ? { failureMessage: job.failureMessage } : {}),
      submitTime: new Date(job.submitTimeMs).toISOString(),
      lastModifiedTime: new Date(done ? job.endTimeMs : job.submitTimeMs).toISOString(),
      ...(done ? { endTime: new Date(job.endTimeMs).toISOString() } : {}),
      outputDataConfig: job.outputDataConfig,
    };
  }

  function start(body: unknown, nowMs: number, modelAllowed: (id: string) => boolean): Answer {
    if (!isObject(body)) return awsErrors.validation(NOT_VALID);
    const { modelId, modelInput, outputDataConfig, clientRequestToken, tags } = body as Record<string, unknown>;
    if (typeof modelId !== "string" || modelId === "") return constraint(modelId, "modelId", "have length greater than or equal to 1");
    if (!ASYNC_INVOKE_MODEL_IDS.includes(baseModelId(modelId))) {
      return modelAllowed(modelId) ? awsErrors.validation(NOT_VALID) : awsErrors.validation("The provided model identifier is invalid.");
    }
    if (!isObject(modelInput)) return awsErrors.validation(NOT_VALID);
    const s3 = isObject(outputDataConfig) ? (outputDataConfig as Record<string, unknown>).s3OutputDataConfig : undefined;
    const s3Uri = isObject(s3) ? (s3 as Record<string, unknown>).s3Uri : undefined;
    if (typeof s3Uri !== "string") return constraint(s3Uri, "outputDataConfig.s3OutputDataConfig.s3Uri", "not be null");
    if (s3Uri.length > 1024 || !S3_URI.test(s3Uri)) {
      return constraint(s3Uri, "outputDataConfig.s3OutputDataConfig.s3Uri", `satisfy regular expression pattern: ${S3_URI.source}`);
    }
    if (clientRequestToken !== undefined && (typeof clientRequestToken !== "string" || !TOKEN.test(clientRequestToken))) {
      return constraint(clientRequestToken, "clientRequestToken", "satisfy regular expression pattern: ^[!-~]*$");
    }
    if (tags !== undefined && (!Array.isArray(tags) || tags.length > 200)) return constraint("[...]", "tags", "have length less than or equal to 200");
    if (typeof clientRequestToken === "string") {
      const { clientRequestToken: _token, ...rest } = body as Record<string, unknown>;
      const fingerprint = JSON.stringify(rest);
      const prior = byToken.get(clientRequestToken);
      if (prior) return prior.body === fingerprint ? { status: 200, body: { invocationArn: prior.arn } } : { status: 409, type: "ConflictException", message: TOKEN_CONFLICT };
      byToken.set(clientRequestToken, { body: fingerprint, arn: "" });
    }
    const id = newId();
    const invocationArn = `arn:aws:bedrock:${region}:${account}:async-invoke/${id}`;
    const failed = JSON.stringify(modelInput).includes(FAIL_TRIGGER);
    const base = s3Uri.replace(/\/+$/, "");
    const file = baseModelId(modelId).startsWith("amazon.nova-reel") || baseModelId(modelId).startsWith("luma.") ? "output.mp4" : "output.json";
    const job: AsyncInvokeRecord = {
      invocationArn,
      modelId,
      modelInput,
      outputDataConfig: { s3OutputDataConfig: s3 as AsyncInvokeRecord["outputDataConfig"]["s3OutputDataConfig"] },
      ...(typeof clientRequestToken === "string" ? { clientRequestToken } : {}),
      ...(Array.isArray(tags) ? { tags } : {}),
      submitTimeMs: nowMs,
      endTimeMs: nowMs + durationMs,
      ...(failed ? { failureMessage: FAILURE_MESSAGE } : {}),
      outputFiles: failed ? [] : [`${base}/${id}/${file}`, `${base}/${id}/manifest.json`],
    };
    jobs.set(invocationArn, job);
    if (typeof clientRequestToken === "string") byToken.get(clientRequestToken)!.arn = invocationArn;
    return { status: 200, body: { invocationArn } };
  }

  function get(invocationArn: string): AsyncInvokeRecord | AwsError {
    if (!ARN_ID.test(invocationArn)) return constraint(invocationArn, "invocationArn", `satisfy regular expression pattern: ${ARN_ID.source}`);
    return jobs.get(invocationArn) ?? { status: 404, type: "ResourceNotFoundException", message: NOT_FOUND };
  }

  function list(query: URLSearchParams, nowMs: number): Answer {
    const maxText = query.get("maxResults");
    const max = maxText === null ? 1000 : Number(maxText);
    if (!Number.isInteger(max) || max < 1) return constraint(maxText, "maxResults", "have value greater than or equal to 1");
    if (max > 1000) return constraint(maxText, "maxResults", "have value less than or equal to 1000");
    const status = query.get("statusEquals");
    if (status !== null && !STATUSES.includes(status)) return constraint(status, "statusEquals", `satisfy enum value set: [${STATUSES.join(", ")}]`);
    const sortBy = query.get("sortBy");
    if (sortBy !== null && sortBy !== "SubmissionTime") return constraint(sortBy, "sortBy", "satisfy enum value set: [SubmissionTime]");
    const order = query.get("sortOrder") ?? "Descending";
    if (order !== "Ascending" && order !== "Descending") return constraint(order, "sortOrder", "satisfy enum value set: [Ascending, Descending]");
    const times: Array<[string, number]> = [];
    for (const name of ["submitTimeAfter", "submitTimeBefore"]) {
      const text = query.get(name);
      if (text === null) continue;
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) return awsErrors.validation(NOT_VALID);
      times.push([name, ms]);
    }
    // A token names its position and the filters it was made for; any other value, or other filters, is refused.
    const filters = JSON.stringify([status, order, times]);
    let offset = 0;
    const token = query.get("nextToken");
    if (token !== null) {
      const parsed = decodeToken(token);
      if (!parsed || parsed.filters !== filters) return awsErrors.validation(BAD_TOKEN);
      offset = parsed.offset;
    }
    const matching = [...jobs.values()]
      .filter((job) => (status === null || statusAt(job, nowMs) === status) && times.every(([name, ms]) => (name === "submitTimeAfter" ? job.submitTimeMs > ms : job.submitTimeMs < ms)))
      .sort((a, b) => (order === "Ascending" ? a.submitTimeMs - b.submitTimeMs : b.submitTimeMs - a.submitTimeMs));
    const page = matching.slice(offset, offset + max);
    const next = offset + max < matching.length ? encodeToken({ offset: offset + max, filters }) : undefined;
    return { status: 200, body: { asyncInvokeSummaries: page.map((job) => view(job, nowMs)), ...(next ? { nextToken: next } : {}) } };
  }

  return {
    /** Answers one of the three operations: the JSON to send, or the AWS error. */
    handle(operation: string, input: { body: unknown; invocationArn: string; query: URLSearchParams; nowMs: number; modelAllowed: (id: string) => boolean }): Answer {
      if (operation === "start-async-invoke") return start(input.body, input.nowMs, input.modelAllowed);
      if (operation === "list-async-invokes") return list(input.query, input.nowMs);
      const job = get(input.invocationArn);
      return "type" in job ? job : { status: 200, body: view(job, input.nowMs) };
    },
    /** The jobs started so far, oldest first, with what each would write to S3. */
    records: (nowMs: number): AsyncInvokeRecord[] =>
      [...jobs.values()].map((job) => ({ ...job, outputFiles: statusAt(job, nowMs) === "Completed" ? job.outputFiles : [] })),
    clear() {
      jobs.clear();
      byToken.clear();
    },
  };
}

export { isError as isAsyncInvokeError };

const utf8 = new TextEncoder();

function encodeToken(value: { offset: number; filters: string }): string {
  return btoa(String.fromCharCode(...utf8.encode(JSON.stringify(value))));
}

function decodeToken(token: string): { offset: number; filters: string } | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)))) as { offset?: unknown; filters?: unknown };
    return Number.isInteger(value.offset) && (value.offset as number) >= 0 && typeof value.filters === "string" ? (value as { offset: number; filters: string }) : undefined;
  } catch {
    return undefined;
  }
}
