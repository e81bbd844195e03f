// The Worker's bindings (vars from wrangler.toml, secrets from `wrangler secret put`), what they leave unconfigured, and the model they configure.
import { ChatBedrockConverse, type ChatBedrockConverseInput } from "bedrock-edge";

/** The Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface Env {
  /** Model ID or inference profile, e.g. "us.amazon.nova-micro-v1:0" ([vars] in wrangler.toml). */
  BEDROCK_MODEL_ID: string;
  /** Region of the Bedrock endpoint, e.g. "us-east-1". */
  AWS_REGION: string;
  /** The system prompt every conversation starts with. */
  SYSTEM_PROMPT?: string;
  /** Another Bedrock Runtime endpoint (`npm start` points it at the local emulator). Empty means AWS. */
  BEDROCK_ENDPOINT?: string;
  /** Origins besides the Worker's own whose pages may POST /chat: comma-separated, e.g. "https://app.example.com". */
  ALLOWED_ORIGINS?: string;
  /** Secret: the bearer token callers of /chat must send. Required whenever the Worker talks to AWS. */
  CHAT_ACCESS_TOKEN?: string;
  /** Requests per client per period for /chat. Required whenever the Worker talks to AWS. */
  CHAT_RATE_LIMITER?: RateLimiter;
  /** Secret: a Bedrock API key. Used when set, instead of the access keys below. */
  AWS_BEARER_TOKEN_BEDROCK?: string;
  /** Secrets: IAM access keys, with a session token when they are temporary. */
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_SESSION_TOKEN?: string;
  /** Cloudflare AI Gateway ([vars]): route Bedrock calls through it when both IDs are set. */
  AI_GATEWAY_ACCOUNT_ID?: string;
  AI_GATEWAY_ID?: string;
  /** Secret: the gateway's authentication token (`cf-aig-authorization`). Alone, with no AWS secrets, the gateway signs with its stored keys. */
  AI_GATEWAY_TOKEN?: string;
  /** Another gateway base URL (tests point it at the local emulator). Empty means Cloudflare's. */
  AI_GATEWAY_URL?: string;
}

/** The `gateway` option the vars describe, or undefined when the Worker calls Bedrock directly. */
export function gatewayOf(env: Env): ChatBedrockConverseInput["gateway"] {
  if (!env.AI_GATEWAY_ACCOUNT_ID || !env.AI_GATEWAY_ID) return undefined;
  return {
    accountId: env.AI_GATEWAY_ACCOUNT_ID,
    gatewayId: env.AI_GATEWAY_ID,
    ...(env.AI_GATEWAY_TOKEN ? { token: env.AI_GATEWAY_TOKEN } : {}),
    ...(env.AI_GATEWAY_URL ? { baseUrl: env.AI_GATEWAY_URL } : {}),
  };
}

/** Shorter tokens are refused as configuration errors: a guessable token is an open wallet. */
export const MIN_ACCESS_TOKEN_LENGTH = 24;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether calls are billed: true unless BEDROCK_ENDPOINT is a loopback URL (the local emulator,
 * which a deployed Worker cannot reach anyway). An endpoint that does not parse counts as AWS.
 */
export function talksToAws(env: Env): boolean {
  // Through AI Gateway the calls are billed too, unless its URL is the local emulator.
  const local = gatewayOf(env) ? env.AI_GATEWAY_URL : env.BEDROCK_ENDPOINT;
  if (!local) return true;
  try {
    return !LOOPBACK.test(new URL(local).hostname);
  } catch {
    return true;
  }
}

const SEE_README = "See worker-example/README.md.";

/**
 * What keeps the Worker from serving /chat, as a message for whoever deploys it (names of
 * settings only, never their values); `undefined` when it is ready.
 */
export function configurationProblem(env: Env): string | undefined {
  if (talksToAws(env)) {
    const token = env.CHAT_ACCESS_TOKEN ?? "";
    if (token === "") {
      return (
        "This Worker calls Amazon Bedrock but has no access check, so /chat is refused. Set a long random token as the " +
        "CHAT_ACCESS_TOKEN secret (`openssl rand -base64 32 | npx wrangler secret put CHAT_ACCESS_TOKEN`) and enter it in the page. " +
        SEE_README
      );
    }
    if (token.length < MIN_ACCESS_TOKEN_LENGTH) {
      return `The CHAT_ACCESS_TOKEN secret is shorter than ${MIN_ACCESS_TOKEN_LENGTH} characters: set a longer random one (\`openssl rand -base64 32\`). ${SEE_README}`;
    }
    if (!env.CHAT_RATE_LIMITER) {
      return `This Worker calls Amazon Bedrock but has no CHAT_RATE_LIMITER binding: keep the [[ratelimits]] entry of wrangler.toml. ${SEE_README}`;
    }
  }
  const gateway = gatewayOf(env);
  if (gateway && env.BEDROCK_ENDPOINT) {
    return `BEDROCK_ENDPOINT and the AI_GATEWAY_* vars both say where to send requests: keep one. ${SEE_README}`;
  }
  // A gateway with a token and no AWS secrets signs with the keys stored in it.
  if (gateway?.token !== undefined && !env.AWS_BEARER_TOKEN_BEDROCK && !env.AWS_ACCESS_KEY_ID) return undefined;
  if (!env.AWS_BEARER_TOKEN_BEDROCK && !(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)) {
    return (
      "The Worker has no AWS credentials: set the AWS_BEARER_TOKEN_BEDROCK secret, or AWS_ACCESS_KEY_ID and " +
      "AWS_SECRET_ACCESS_KEY (`npx wrangler secret put <NAME>`)."
    );
  }
  return undefined;
}

/** How the Worker signs in: an API key if one is set, else access keys. Never logged, never sent to the page. */
function auth(env: Env): Pick<ChatBedrockConverseInput, "apiKey" | "credentials"> {
  if (env.AWS_BEARER_TOKEN_BEDROCK) return { apiKey: env.AWS_BEARER_TOKEN_BEDROCK };
  if (!env.AWS_ACCESS_KEY_ID && gatewayOf(env)) return {}; // the gateway's stored keys
  const { AWS_ACCESS_KEY_ID: accessKeyId = "", AWS_SECRET_ACCESS_KEY: secretAccessKey = "", AWS_SESSION_TOKEN: sessionToken } = env;
  return { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } };
}

/** The chat model the Worker's bindings describe (call `configurationProblem` first). */
export function chatModel(env: Env): ChatBedrockConverse {
  return new ChatBedrockConverse({
    model: env.BEDROCK_MODEL_ID,
    region: env.AWS_REGION,
    ...auth(env),
    ...(env.BEDROCK_ENDPOINT ? { endpoint: env.BEDROCK_ENDPOINT } : {}),
    ...(gatewayOf(env) ? { gateway: gatewayOf(env) } : {}),
    maxTokens: 1024,
  });
}
