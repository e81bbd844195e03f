// The ApplyGuardrail operation: a guardrail run on content, without a model.
import { guardrailPath } from "../../wire/serde/model-path.js";
import { serializeApplyGuardrailRequest } from "../../wire/serde/serialize-request.js";
import type { ApplyGuardrailCommandOutput, ApplyGuardrailRequest } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { prepare, sendJson } from "./prepare.js";

const SPEC = {
  name: "ApplyGuardrail",
  slug: "apply-guardrail",
  route: (request: Record<string, unknown>) => ({
    path: guardrailPath(request.guardrailIdentifier, request.guardrailVersion),
    id: request.guardrailIdentifier as string,
  }),
} as const;

/**
 * Runs a guardrail on `content` (as the user's input, `source: "INPUT"`, or as a model's output,
 * `"OUTPUT"`) and returns its verdict: `action` (`NONE` or `GUARDRAIL_INTERVENED`), `outputs`
 * (the text to use instead), `assessments` and `usage`. A guardrail ARN as identifier names the region.
 * @example
 * const { action, outputs } = await applyGuardrail(client, {
 *   guardrailIdentifier: "gr-abc123", guardrailVersion: "1", source: "INPUT",
 *   content: [{ text: { text: "How do I pick a lock?" } }],
 * });
 */
export async function applyGuardrail(client: BedrockClient, request: ApplyGuardrailRequest, options: CallOptions = {}): Promise<ApplyGuardrailCommandOutput> {
  const config = clientConfig(client);
  const op = prepare(config, SPEC, request, serializeApplyGuardrailRequest, options);
  return sendJson(config, op, (json, response, ctx) => {
    const output = json as ApplyGuardrailCommandOutput;
    output.$metadata = { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts };
    return output;
  });
}
