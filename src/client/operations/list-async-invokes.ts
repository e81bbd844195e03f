// The ListAsyncInvokes operation: a page of asynchronous invocations, filtered and sorted by submission time.
import { deserializeAsyncInvoke, listAsyncInvokesPath } from "../../wire/serde/async-invoke.js";
import type { AsyncInvokeSummary, ListAsyncInvokesCommandOutput, ListAsyncInvokesRequest } from "../../wire/index.js";
import { validateListAsyncInvokesRequest } from "../../wire/validate/validate-async-invoke.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { bytesBody, prepare, sendJson } from "./prepare.js";

const SPEC = {
  name: "ListAsyncInvokes",
  slug: "list-async-invokes",
  route: (request: Record<string, unknown>) => ({ path: listAsyncInvokesPath(request), id: "" }),
} as const;

/**
 * Lists asynchronous invocations (`GET /async-invoke`, every member a query parameter), newest
 * first unless `sortOrder: "Ascending"`. Pass `nextToken` back for the next page.
 * @example
 * let nextToken: string | undefined;
 * do {
 *   const page = await listAsyncInvokes(client, { statusEquals: "Completed", maxResults: 50, nextToken });
 *   for (const job of page.asyncInvokeSummaries ?? []) console.log(job.invocationArn, job.endTime);
 *   nextToken = page.nextToken;
 * } while (nextToken);
 */
export async function listAsyncInvokes(client: BedrockClient, request: ListAsyncInvokesRequest = {}, options: CallOptions = {}): Promise<ListAsyncInvokesCommandOutput> {
  const config = clientConfig(client);
  // Checked here, not in validateRequest, so BedrockRuntime's bundle carries none of this operation.
  if (config.validate) validateListAsyncInvokesRequest(request);
  const op = prepare(config, SPEC, request, bytesBody, options);
  return sendJson(config, { ...op, method: "GET" }, (json, response, ctx) => {
    const { asyncInvokeSummaries, ...page } = json as { nextToken?: string; asyncInvokeSummaries?: unknown[] };
    return {
      ...page,
      ...(asyncInvokeSummaries ? { asyncInvokeSummaries: asyncInvokeSummaries.map((s) => deserializeAsyncInvoke<AsyncInvokeSummary>(s)) } : {}),
      $metadata: { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
    };
  });
}
