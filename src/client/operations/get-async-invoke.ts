// The GetAsyncInvoke operation: one asynchronous invocation's status, times and output location.
import { asyncInvokePath, deserializeAsyncInvoke } from "../../wire/serde/async-invoke.js";
import type { GetAsyncInvokeCommandOutput, GetAsyncInvokeRequest, GetAsyncInvokeResponse } from "../../wire/index.js";
import { validateGetAsyncInvokeRequest } from "../../wire/validate/validate-async-invoke.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { bytesBody, prepare, sendJson } from "./prepare.js";

const SPEC = {
  name: "GetAsyncInvoke",
  slug: "get-async-invoke",
  // The ARN is one percent-encoded segment: its `/` and `:` (or a stray `?`) cannot change the route.
  route: (request: Record<string, unknown>) => ({ path: asyncInvokePath(request.invocationArn), id: request.invocationArn as string }),
} as const;

/**
 * Reads an asynchronous invocation (`GET /async-invoke/{invocationArn}`): `status` (`InProgress`,
 * `Completed`, `Failed`), `failureMessage`, `submitTime` / `lastModifiedTime` / `endTime` as Dates,
 * and `outputDataConfig`. The ARN names the region when the client has none.
 * @example
 * const job = await getAsyncInvoke(client, { invocationArn });
 * if (job.status === "Completed") console.log(job.outputDataConfig?.s3OutputDataConfig?.s3Uri);
 */
export async function getAsyncInvoke(client: BedrockClient, request: GetAsyncInvokeRequest, options: CallOptions = {}): Promise<GetAsyncInvokeCommandOutput> {
  const config = clientConfig(client);
  // Checked here, not in validateRequest, so BedrockRuntime's bundle carries none of this operation.
  if (config.validate) validateGetAsyncInvokeRequest(request);
  const op = prepare(config, SPEC, request, bytesBody, options);
  return sendJson(config, { ...op, method: "GET" }, (json, response, ctx) => ({
    ...deserializeAsyncInvoke<GetAsyncInvokeResponse>(json),
    $metadata: { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
  }));
}
