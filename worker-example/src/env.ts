// The Worker's bindings (vars from wrangler.toml, secrets from `wrangler secret put`) and the model they configure.
import { BedrockInputError, ChatBedrockConverse, type ChatBedrockConverseInput } from "bedrock-edge";

export interface Env {
  /** Model ID or inference profile, e.g. "us.amazon.nova-micro-v1:0" ([vars] in wrangler.toml). */
  BEDROCK_MODEL_ID: string;
  /** Region of the Bedrock endpoint, e.g. "us-east-1". */
  AWS_REGION: string;
  /** The system prompt every conversation starts with. */
  SYSTEM_PROMPT?: string;
  /** Another Bedrock Runtime endpoint (`npm start` points it at the local emulator). Empty means AWS. */
  BEDROCK_ENDPOINT?: string;
  /** Secret: a Bedrock API key. Used when set, instead of the access keys below. */
  AWS_BEARER_TOKEN_BEDROCK?: string;
  /** Secrets: IAM access keys, with a session token when they are temporary. */
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_SESSION_TOKEN?: string;
}

const MISSING_AUTH =
  "The Worker has no AWS credentials: set the AWS_BEARER_TOKEN_BEDROCK secret, or AWS_ACCESS_KEY_ID and " +
  "AWS_SECRET_ACCESS_KEY (`npx wrangler secret put <NAME>`).";

/** How the Worker signs in: an API key if one is set, else access keys. Never logged, never sent to the page. */
function auth(env: Env): Pick<ChatBedrockConverseInput, "apiKey" | "credentials"> {
  if (env.AWS_BEARER_TOKEN_BEDROCK) return { apiKey: env.AWS_BEARER_TOKEN_BEDROCK };
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    return { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } };
  }
  throw new BedrockInputError(MISSING_AUTH);
}

/** The chat model the Worker's bindings describe. */
export function chatModel(env: Env): ChatBedrockConverse {
  return new ChatBedrockConverse({
    model: env.BEDROCK_MODEL_ID,
    region: env.AWS_REGION,
    ...auth(env),
    ...(env.BEDROCK_ENDPOINT ? { endpoint: env.BEDROCK_ENDPOINT } : {}),
    maxTokens: 1024,
  });
}
