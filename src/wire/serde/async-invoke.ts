// The async-invoke operations on the wire: StartAsyncInvoke's body, GetAsyncInvoke's path, ListAsyncInvokes' query, and Dates read back.
import { BedrockInputError } from "../../errors/index.js";
import { escapeUri as encodeRfc3986 } from "../../auth/uri-escape.js";
import type { ListAsyncInvokesRequest, StartAsyncInvokeRequest } from "../types/async-invoke.js";
import { modelIdProblem } from "./model-path.js";

/**
 * `/async-invoke/{invocationArn}`, the whole ARN one encoded segment. `.` and `..` are refused: URL
 * parsing would drop them and the request would become ListAsyncInvokes (or go elsewhere).
 */
export function asyncInvokePath(invocationArn: unknown): string {
  if (typeof invocationArn !== "string" || invocationArn.trim() === "") throw new BedrockInputError("invocationArn is required");
  // RFC 3986 as the AWS SDK writes labels, so a `/`, `?` or `#` inside the ARN stays inside it;
  // `.`, `..` and a lone surrogate cannot be one segment (modelIdProblem says why).
  const problem = modelIdProblem(invocationArn);
  if (problem) throw new BedrockInputError(`invocationArn ${problem}`);
  return `/async-invoke/${encodeRfc3986(invocationArn)}`;
}

/** Timestamps as the SDK writes them (Smithy `date-time`): ISO 8601 in UTC, without `.000`. */
export function dateTime(date: Date): string {
  return date.toISOString().replace(".000Z", "Z");
}

const QUERY_MEMBERS = ["maxResults", "nextToken", "sortBy", "sortOrder", "statusEquals", "submitTimeAfter", "submitTimeBefore"] as const;

/** `/async-invoke` with the request's members as query parameters, sorted by name as the SDK sends them. */
export function listAsyncInvokesPath(request: ListAsyncInvokesRequest): string {
  const parts: string[] = [];
  for (const name of QUERY_MEMBERS) {
    const value = request[name];
    if (value === undefined || value === null) continue;
    const text = value instanceof Date ? dateTime(value) : String(value);
    if (/\p{Surrogate}/u.test(text)) throw new BedrockInputError(`${name} contains a lone UTF-16 surrogate, which cannot be percent-encoded into the query`);
    parts.push(`${name}=${encodeRfc3986(text)}`);
  }
  return parts.length ? `/async-invoke?${parts.join("&")}` : "/async-invoke";
}

/** A version-4 UUID, the token the SDK generates when the caller gives none (getRandomValues: randomUUID needs a secure context). */
function newToken(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * StartAsyncInvoke's JSON body. A missing `clientRequestToken` is generated here, once per call,
 * so every retry of the call carries the same one and Bedrock starts one job.
 */
export function serializeStartAsyncInvokeRequest(request: StartAsyncInvokeRequest): string {
  const { modelId, modelInput, outputDataConfig, clientRequestToken, tags } = request;
  return JSON.stringify({ modelId, modelInput, outputDataConfig, clientRequestToken: clientRequestToken ?? newToken(), tags });
}

const TIME_MEMBERS = ["submitTime", "lastModifiedTime", "endTime"] as const;

/** An invocation as Bedrock sends it, with its timestamps read into Dates (the SDK's shape). */
export function deserializeAsyncInvoke<T>(json: unknown): T {
  const out = { ...(json as Record<string, unknown>) };
  for (const name of TIME_MEMBERS) if (typeof out[name] === "string" || typeof out[name] === "number") out[name] = new Date(out[name] as string);
  return out as T;
}
