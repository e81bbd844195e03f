// The BedrockRuntime a ChatBedrockConverse sends with: a given one, or one built from the connection options.
import { regionFromEnv } from "../../auth/env-credentials.js";
import { ConverseRuntime } from "../../client/bedrock-runtime.js";
import type { BedrockRuntimeOptions } from "../../client/options.js";
import { BedrockInputError } from "../../errors/index.js";
import { regionFromModelArn } from "../../wire/index.js";
import { CONNECTION_FIELDS, type ChatBedrockConverseInput } from "./model-options.js";

/**
 * The given `client` (which must not come with connection options, they would be ignored), or a
 * new ConverseRuntime (BedrockRuntime's Converse operations). The region is required up front: `region`, AWS_REGION, or a model ARN's.
 */
export function modelClient(fields: ChatBedrockConverseInput, model: string): ConverseRuntime {
  return fields.client !== undefined ? checkClient(fields) : newClient(fields, model);
}

function checkClient(fields: ChatBedrockConverseInput): ConverseRuntime {
  const client = fields.client as Partial<ConverseRuntime> | null;
  if (client === null || typeof client !== "object" || typeof client.converse !== "function" || typeof client.converseStream !== "function") {
    throw new BedrockInputError("client must be a BedrockRuntime");
  }
  const clash = [...CONNECTION_FIELDS, "headers" as const].filter((key) => fields[key] !== undefined);
  if (clash.length > 0) {
    const verb = clash.length === 1 ? "configures" : "configure";
    throw new BedrockInputError(`${clash.join(", ")} ${verb} a new client; pass them to the BedrockRuntime given as \`client\` instead`);
  }
  return client as ConverseRuntime;
}

function newClient(fields: ChatBedrockConverseInput, model: string): ConverseRuntime {
  const options: BedrockRuntimeOptions = {};
  for (const key of CONNECTION_FIELDS) if (fields[key] !== undefined) (options as Record<string, unknown>)[key] = fields[key];
  // Signed with the request, as @langchain/aws signs its defaultHeaders.
  if (fields.headers !== undefined) options.headers = { ...fields.headers };
  // The client's documented order: `region`, then the model ARN's region, then AWS_REGION.
  const region = fields.region ?? regionFromModelArn(model) ?? regionFromEnv();
  if (region === undefined) {
    throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
  }
  return new ConverseRuntime(options);
}
