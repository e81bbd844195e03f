// Rejects malformed StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes requests before any network call, naming the field.
// Limits and patterns from the service model (aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-runtime.json:
// AsyncInvokeIdentifier, AsyncInvokeIdempotencyToken, S3Uri, KmsKeyId, AccountId, TagKey, TagValue, TagList,
// InvocationArn, MaxResults, PaginationToken). Values are not echoed: a token or a URI may be private.
import type { GetAsyncInvokeRequest, ListAsyncInvokesRequest, StartAsyncInvokeRequest } from "../types/async-invoke.js";
import { fail, list, number, oneOfValues, record, string, unionKind } from "./validate-helpers.js";
import { checkJsonValue } from "./validate-json.js";

const MODEL_ID = /^[a-zA-Z_.\-/0-9:]{1,256}$/;
const TOKEN = /^[!-~]{1,256}$/;
const S3_URI = /^s3:\/\/[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9](\/.*)?$/s;
const KMS_KEY = /^arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:((key\/[a-zA-Z0-9-]{36})|(alias\/[a-zA-Z0-9-_/]+))$/;
const ACCOUNT = /^[0-9]{12}$/;
const TAG_TEXT = /^[a-zA-Z0-9\s._:/=+@-]*$/;
const INVOCATION_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:async-invoke\/[a-z0-9]{12}$/;
const PAGE_TOKEN = /^\S{1,2048}$/;
const STATUS = { IN_PROGRESS: "InProgress", COMPLETED: "Completed", FAILED: "Failed" };
const SORT_BY = { SUBMISSION_TIME: "SubmissionTime" };
const SORT_ORDER = { ASCENDING: "Ascending", DESCENDING: "Descending" };

function matches(value: unknown, path: string, pattern: RegExp, what: string, required: boolean): void {
  string(value, path, required);
  if (value !== undefined && !pattern.test(value as string)) fail(path, `must be ${what}`);
}

/** `modelId`, `modelInput` (the model's request as a JSON object), `outputDataConfig.s3OutputDataConfig`, the token and the tags. */
export function validateStartAsyncInvokeRequest(request: StartAsyncInvokeRequest): void {
  const req = record(request, "request");
  if (req.modelId === undefined || req.modelId === null || req.modelId === "") fail("", "modelId is required (a model ID or ARN, e.g. amazon.nova-reel-v1:1)");
  matches(req.modelId, "modelId", MODEL_ID, "1 to 256 letters, digits or . _ - / : (Bedrock's pattern [a-zA-Z_.\\-/0-9:]+)", true);
  if (req.modelInput === undefined) fail("modelInput", "is required (the model's own request, as an object)");
  if (typeof req.modelInput === "string") fail("modelInput", "must be the model's request as an object, not a JSON string (Bedrock takes a JSON document here)");
  record(req.modelInput, "modelInput");
  checkJsonValue(req.modelInput, "modelInput");
  if (req.outputDataConfig === undefined) fail("outputDataConfig", "is required ({ s3OutputDataConfig: { s3Uri } })");
  unionKind(req.outputDataConfig, "outputDataConfig", "output data config", ["s3OutputDataConfig"]);
  const s3 = record((req.outputDataConfig as Record<string, unknown>).s3OutputDataConfig, "outputDataConfig.s3OutputDataConfig");
  const uri = "outputDataConfig.s3OutputDataConfig.s3Uri";
  string(s3.s3Uri, uri, true);
  if ((s3.s3Uri as string).length > 1024 || !S3_URI.test(s3.s3Uri as string)) fail(uri, "must be an S3 URI, s3://bucket or s3://bucket/prefix (at most 1024 characters)");
  matches(s3.kmsKeyId, "outputDataConfig.s3OutputDataConfig.kmsKeyId", KMS_KEY, "a KMS key or alias ARN", false);
  matches(s3.bucketOwner, "outputDataConfig.s3OutputDataConfig.bucketOwner", ACCOUNT, "a 12-digit account ID", false);
  matches(req.clientRequestToken, "clientRequestToken", TOKEN, "1 to 256 printable ASCII characters without spaces (Bedrock's pattern [!-~]*)", false);
  if (req.tags !== undefined) {
    const tags = list(req.tags, "tags");
    if (tags.length > 200) fail("tags", `must hold at most 200 tags, got ${tags.length}`);
    tags.forEach((t, i) => {
      const tag = record(t, `tags[${i}]`);
      matches(tag.key, `tags[${i}].key`, TAG_TEXT, "letters, digits, spaces or . _ : / = + @ -", true);
      if ((tag.key as string).length < 1 || (tag.key as string).length > 128) fail(`tags[${i}].key`, "must be 1 to 128 characters");
      matches(tag.value, `tags[${i}].value`, TAG_TEXT, "letters, digits, spaces or . _ : / = + @ -", true);
      if ((tag.value as string).length > 256) fail(`tags[${i}].value`, "must be at most 256 characters");
    });
  }
}

/** An invocation ARN as StartAsyncInvoke returns it: `arn:aws:bedrock:{region}:{account}:async-invoke/{id}`. */
export function validateGetAsyncInvokeRequest(request: GetAsyncInvokeRequest): void {
  const req = record(request, "request");
  if (req.invocationArn === undefined || req.invocationArn === "") fail("", "invocationArn is required (the ARN StartAsyncInvoke returned)");
  matches(req.invocationArn, "invocationArn", INVOCATION_ARN, "an async-invoke ARN, arn:aws:bedrock:{region}:{account}:async-invoke/{12 characters}", true);
}

function date(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(path, "must be a valid Date");
}

/** Filters, sort and paging, each in the model's range. */
export function validateListAsyncInvokesRequest(request: ListAsyncInvokesRequest): void {
  const req = record(request ?? {}, "request");
  date(req.submitTimeAfter, "submitTimeAfter");
  date(req.submitTimeBefore, "submitTimeBefore");
  oneOfValues(req.statusEquals, "statusEquals", STATUS, false);
  number(req.maxResults, "maxResults", { min: 1, max: 1000, integer: true });
  matches(req.nextToken, "nextToken", PAGE_TOKEN, "the nextToken of an earlier page (1 to 2048 characters, no spaces)", false);
  oneOfValues(req.sortBy, "sortBy", SORT_BY, false);
  oneOfValues(req.sortOrder, "sortOrder", SORT_ORDER, false);
}
