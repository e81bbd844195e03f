// The StartAsyncInvoke operation: starts a long job (a video, a large embedding) whose output Bedrock writes to S3.
import { serializeStartAsyncInvokeRequest } from "../../wire/serde/async-invoke.js";
import type { StartAsyncInvokeCommandOutput, StartAsyncInvokeRequest } from "../../wire/index.js";
import { validateStartAsyncInvokeRequest } from "../../wire/validate/validate-async-invoke.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { prepare, sendJson } from "./prepare.js";

const SPEC = {
  name: "StartAsyncInvoke",
  slug: "start-async-invoke",
  route: (request: Record<string, unknown>) => ({ path: "/async-invoke", id: request.modelId as string }),
} as const;

/**
 * Starts an asynchronous invocation (`POST /async-invoke`) and returns its `invocationArn`; poll
 * it with `getAsyncInvoke`. Without `clientRequestToken` one is generated, so retries of this
 * call never start a second job.
 * @example
 * const { invocationArn } = await startAsyncInvoke(client, {
 *   modelId: "amazon.nova-reel-v1:1",
 *   modelInput: { taskType: "TEXT_VIDEO", textToVideoParams: { text: "A lighthouse at dawn" },
 *     videoGenerationConfig: { durationSeconds: 6, fps: 24, dimension: "1280x720" } },
 *   outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://my-bucket/videos/" } },
 * });
 */
export async function startAsyncInvoke(client: BedrockClient, request: StartAsyncInvokeRequest, options: CallOptions = {}): Promise<StartAsyncInvokeCommandOutput> {
  const config = clientConfig(client);
  // Checked here, not in validateRequest, so BedrockRuntime's bundle carries none of this operation.
  if (config.validate) validateStartAsyncInvokeRequest(request);
  const op = prepare(config, SPEC, request, serializeStartAsyncInvokeRequest, options);
  return sendJson(config, op, (json, response, ctx) => ({
    ...(json as { invocationArn: string }),
    $metadata: { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
  }));
}
