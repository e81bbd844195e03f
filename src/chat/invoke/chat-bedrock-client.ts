// The BedrockClient a ChatBedrock sends with: a given one, or one built from BedrockChat's / langchain-aws's connection fields.
import { regionFromEnv } from "../../auth/env-credentials.js";
import { BedrockClient, type BedrockClientOptions } from "../../client/bedrock-client.js";
import { BedrockInputError } from "../../errors/index.js";
import { regionFromModelArn } from "../../wire/serde/model-path.js";
import type { ChatBedrockInput } from "./chat-bedrock-options.js";

/**
 * `endpointUrl` as BedrockChat means it (a host) or as langchain-aws does (a URL); `endpointHost`
 * is a host. Both become the client's `endpoint` (`https://<host>`).
 * @example
 * endpointOf({ endpointUrl: "bedrock-runtime.us-west-2.amazonaws.com" }); // "https://bedrock-runtime.us-west-2.amazonaws.com"
 */
export function endpointOf(fields: Pick<ChatBedrockInput, "endpoint" | "endpointUrl" | "endpointHost">): string | URL | undefined {
  const given = [fields.endpoint, fields.endpointUrl, fields.endpointHost].filter((v) => v !== undefined);
  if (given.length > 1) throw new BedrockInputError("endpoint, endpointUrl and endpointHost are alternatives: pass one");
  if (fields.endpoint !== undefined) return fields.endpoint;
  const value = fields.endpointUrl ?? fields.endpointHost;
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw new BedrockInputError("endpointUrl must be a host or a URL");
  return value.includes("://") ? value : `https://${value.replace(/\/+$/, "")}`;
}

function credentialsOf(fields: ChatBedrockInput): BedrockClientOptions["credentials"] {
  if (fields.credentials !== undefined) return fields.credentials;
  const { awsAccessKeyId, awsSecretAccessKey, awsSessionToken } = fields;
  if (awsAccessKeyId === undefined && awsSecretAccessKey === undefined) return undefined;
  if (awsAccessKeyId === undefined || awsSecretAccessKey === undefined) {
    throw new BedrockInputError("awsAccessKeyId and awsSecretAccessKey go together");
  }
  return { accessKeyId: awsAccessKeyId, secretAccessKey: awsSecretAccessKey, ...(awsSessionToken !== undefined && { sessionToken: awsSessionToken }) };
}

const CLIENT_FIELDS = ["region", "credentials", "awsAccessKeyId", "awsSecretAccessKey", "apiKey", "endpoint", "endpointUrl", "endpointHost", "fetch", "fetchFn", "headers", "maxRetries", "timeout"] as const;

/** The given `client` (a BedrockClient, or a BedrockRuntime's), or a new BedrockClient; the region is required up front. */
export function chatBedrockClient(fields: ChatBedrockInput, model: string): { client: BedrockClient; region: string | undefined } {
  if (fields.client !== undefined) {
    const given = fields.client as unknown as { client?: unknown };
    const client = given instanceof BedrockClient ? given : given?.client instanceof BedrockClient ? given.client : undefined;
    if (!client) throw new BedrockInputError("client must be a BedrockClient or a BedrockRuntime");
    const clash = CLIENT_FIELDS.filter((key) => fields[key] !== undefined);
    if (clash.length > 0) throw new BedrockInputError(`${clash.join(", ")} configure a new client; pass them to the client given as \`client\` instead`);
    return { client, region: undefined };
  }
  const region = fields.region ?? regionFromModelArn(model) ?? regionFromEnv();
  if (region === undefined) throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
  const endpoint = endpointOf(fields);
  const credentials = credentialsOf(fields);
  const fetchFn = fields.fetch ?? fields.fetchFn;
  const options: BedrockClientOptions = {
    region,
    ...(credentials !== undefined && { credentials }),
    ...(fields.apiKey !== undefined && { apiKey: fields.apiKey }),
    ...(endpoint !== undefined && { endpoint }),
    ...(fetchFn !== undefined && { fetch: fetchFn }),
    ...(fields.headers !== undefined && { headers: fields.headers }),
    ...(fields.maxRetries !== undefined && { maxRetries: fields.maxRetries }),
    ...(fields.timeout !== undefined && { timeout: fields.timeout }),
  };
  return { client: new BedrockClient(options), region };
}
