// StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes: a long job (a Nova Reel video, a Marengo embedding) whose output goes to S3.
// Shapes and constraints from the service model (aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-runtime.json,
// AsyncInvoke*) and the API reference (docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_StartAsyncInvoke.html).
import type { Open } from "./enums.js";

/** `InProgress`, then `Completed` or `Failed`. */
export type AsyncInvokeStatus = Open<"InProgress" | "Completed" | "Failed">;
export type SortAsyncInvocationBy = Open<"SubmissionTime">;
export type SortOrder = Open<"Ascending" | "Descending">;

export interface AsyncInvokeS3OutputDataConfig {
  /** `s3://bucket/prefix`: where Bedrock writes the output. */
  s3Uri: string | undefined;
  /** A KMS key ARN (`arn:aws:kms:…:key/…` or `…:alias/…`). */
  kmsKeyId?: string | undefined;
  /** The bucket's account ID, when it belongs to another account. */
  bucketOwner?: string | undefined;
}

/** A union with one member so far, as in the SDK. */
export interface AsyncInvokeOutputDataConfig {
  s3OutputDataConfig: AsyncInvokeS3OutputDataConfig | undefined;
}

export interface Tag {
  key: string | undefined;
  value: string | undefined;
}

/**
 * `POST /async-invoke`, every member in the JSON body. `modelInput` is the model's own request
 * (a JSON value, not a string). Without `clientRequestToken` one is generated per call, as the
 * AWS SDK does, so the call's retries cannot start a second job.
 */
export interface StartAsyncInvokeRequest {
  modelId: string | undefined;
  modelInput: unknown;
  outputDataConfig: AsyncInvokeOutputDataConfig | undefined;
  /** 1–256 printable ASCII characters (`[!-~]`). Same token and same request: the same job. */
  clientRequestToken?: string | undefined;
  /** At most 200. */
  tags?: Tag[] | undefined;
}

export interface StartAsyncInvokeResponse {
  /** `arn:aws:bedrock:{region}:{account}:async-invoke/{12 characters}`. */
  invocationArn: string | undefined;
}

/** `GET /async-invoke/{invocationArn}`: the ARN one encoded path segment. */
export interface GetAsyncInvokeRequest {
  invocationArn: string | undefined;
}

export interface GetAsyncInvokeResponse {
  invocationArn: string | undefined;
  modelArn: string | undefined;
  clientRequestToken?: string | undefined;
  status: AsyncInvokeStatus | undefined;
  failureMessage?: string | undefined;
  /** Timestamps arrive as ISO 8601 strings and are read into Dates, as the SDK does. */
  submitTime: Date | undefined;
  lastModifiedTime?: Date | undefined;
  endTime?: Date | undefined;
  outputDataConfig: AsyncInvokeOutputDataConfig | undefined;
}

/** `GET /async-invoke?…`: every member a query parameter. */
export interface ListAsyncInvokesRequest {
  submitTimeAfter?: Date | undefined;
  submitTimeBefore?: Date | undefined;
  statusEquals?: AsyncInvokeStatus | undefined;
  /** 1–1000. */
  maxResults?: number | undefined;
  nextToken?: string | undefined;
  /** Default `SubmissionTime`. */
  sortBy?: SortAsyncInvocationBy | undefined;
  /** Default `Descending`. */
  sortOrder?: SortOrder | undefined;
}

export interface AsyncInvokeSummary {
  invocationArn: string | undefined;
  modelArn: string | undefined;
  clientRequestToken?: string | undefined;
  status?: AsyncInvokeStatus | undefined;
  failureMessage?: string | undefined;
  submitTime: Date | undefined;
  lastModifiedTime?: Date | undefined;
  endTime?: Date | undefined;
  outputDataConfig: AsyncInvokeOutputDataConfig | undefined;
}

export interface ListAsyncInvokesResponse {
  /** Present while more pages remain: pass it back as `nextToken`. */
  nextToken?: string | undefined;
  asyncInvokeSummaries?: AsyncInvokeSummary[] | undefined;
}

type WithMetadata<T> = T & { $metadata: { httpStatusCode: number; requestId: string | undefined; attempts: number } };

/** What the operations resolve to: the response plus `$metadata`, as the SDK's *CommandOutput types. */
export type StartAsyncInvokeCommandOutput = WithMetadata<StartAsyncInvokeResponse>;
export type GetAsyncInvokeCommandOutput = WithMetadata<GetAsyncInvokeResponse>;
export type ListAsyncInvokesCommandOutput = WithMetadata<ListAsyncInvokesResponse>;
