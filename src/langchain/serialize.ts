// LangChain serialisation of the model: which constructor fields it keeps, and secrets masked before they are kept.
import { SETTING_FIELDS } from "../chat/model/index.js";
import type { ChatBedrockConverseInput } from "./options.js";

/** Secret fields → the secret IDs `toJSON` writes in their place (and `load`'s `secretsMap` resolves). */
export const SECRET_IDS: Readonly<Record<string, string>> = {
  apiKey: "AWS_BEARER_TOKEN_BEDROCK",
  bedrockBearerToken: "AWS_BEARER_TOKEN_BEDROCK",
  "credentials.accessKeyId": "AWS_ACCESS_KEY_ID",
  "credentials.secretAccessKey": "AWS_SECRET_ACCESS_KEY",
  "credentials.sessionToken": "AWS_SESSION_TOKEN",
  bedrockApiKey: "BEDROCK_AWS_ACCESS_KEY_ID",
  bedrockApiSecret: "BEDROCK_AWS_SECRET_ACCESS_KEY",
  bedrockApiSessionToken: "BEDROCK_AWS_SESSION_TOKEN",
};

/** Constructor fields that survive serialisation; functions, clients and callbacks do not. */
export const SERIALIZABLE_KEYS: readonly string[] = [
  "model",
  "modelId",
  "region",
  "endpoint",
  "endpointHost",
  "applicationInferenceProfile",
  "credentials",
  "apiKey",
  "bedrockApiKey",
  "bedrockApiSecret",
  "bedrockApiSessionToken",
  "bedrockBearerToken",
  "maxRetries",
  "timeout",
  "streamIdleTimeout",
  "streaming",
  "stop",
  "supportsToolChoiceValues",
  "system",
  "rawBlocks",
  "disableStreaming",
  ...SETTING_FIELDS,
];

const MASK = "[redacted]";

/**
 * The fields handed to LangChain's constructor, which keeps them as `lc_kwargs` (shown by
 * `console.log` and serialised by `toJSON`): secrets are replaced by a mask before LangChain sees
 * them (`toJSON` then writes secret references in their place), static credentials keep only
 * their masked keys, a credentials provider (a function) is left out, an endpoint URL becomes text.
 */
export function langChainFields(fields: ChatBedrockConverseInput): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const key of ["apiKey", "bedrockBearerToken", "bedrockApiKey", "bedrockApiSecret", "bedrockApiSessionToken"] as const) {
    if (out[key] !== undefined) out[key] = MASK;
  }
  const credentials = fields.credentials as Record<string, unknown> | undefined;
  if (credentials !== undefined) {
    if (typeof credentials === "object" && credentials !== null && typeof credentials.secretAccessKey === "string") {
      out.credentials = Object.fromEntries(
        (["accessKeyId", "secretAccessKey", "sessionToken"] as const).filter((k) => credentials[k] !== undefined).map((k) => [k, MASK]),
      );
    } else {
      delete out.credentials;
    }
  }
  if (fields.endpoint instanceof URL) out.endpoint = fields.endpoint.href;
  // Header values may be tokens (a gateway's, say): names only, each value masked.
  for (const key of ["headers", "defaultHeaders"] as const) {
    const headers = fields[key];
    if (headers !== undefined && headers !== null && typeof headers === "object") {
      out[key] = Object.fromEntries(Object.keys(headers).map((name) => [name, MASK]));
    }
  }
  return out;
}
