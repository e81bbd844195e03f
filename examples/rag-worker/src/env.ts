// The RAG Worker's bindings (wrangler.toml's [vars] and [[vectorize]], secrets), what they leave unconfigured, and the Bedrock pieces they configure.
import { BedrockEmbeddings, BedrockRuntime, ChatBedrockConverse, type BedrockRuntimeOptions } from "bedrock-edge";
import type { VectorizeIndex } from "./vectorize.js";

export interface Env {
  /** The Vectorize index ([[vectorize]] in wrangler.toml), created with the embedding model's dimensions and metric "cosine". */
  VECTORIZE: VectorizeIndex;
  AWS_REGION: string;
  /** Converse model that writes the answer, e.g. "us.amazon.nova-micro-v1:0". */
  CHAT_MODEL_ID: string;
  /** Embedding model, e.g. "amazon.titan-embed-text-v2:0". */
  EMBEDDING_MODEL_ID: string;
  /** Vector width asked of the embedding model; must equal the index's dimensions. */
  EMBEDDING_DIMENSIONS: string;
  /** Rerank model ID or ARN, e.g. "cohere.rerank-v3-5:0" (amazon.rerank-v1:0 is not offered in us-east-1). */
  RERANK_MODEL_ID: string;
  /** Another Bedrock endpoint for every call, Rerank included (the local emulator in tests). Empty means AWS. */
  BEDROCK_ENDPOINT?: string;
  /** Secret: the bearer token callers must send. Required whenever the Worker talks to AWS. */
  RAG_ACCESS_TOKEN?: string;
  /** Secret: a Bedrock API key, used instead of the access keys below when set. */
  AWS_BEARER_TOKEN_BEDROCK?: string;
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_SESSION_TOKEN?: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Whether calls are billed: true unless BEDROCK_ENDPOINT is a loopback URL (the emulator). */
export function talksToAws(env: Env): boolean {
  if (!env.BEDROCK_ENDPOINT) return true;
  try {
    return !LOOPBACK.test(new URL(env.BEDROCK_ENDPOINT).hostname);
  } catch {
    return true;
  }
}

/** Shorter tokens are refused: anyone who guesses it can fill the index and spend the account. */
export const MIN_ACCESS_TOKEN_LENGTH = 24;

/** What keeps the Worker from serving, for whoever deploys it (names of settings, never values), or undefined. */
export function configurationProblem(env: Env): string | undefined {
  if (!env.VECTORIZE) return "No VECTORIZE binding: keep the [[vectorize]] entry of wrangler.toml (see examples/rag-worker/README.md).";
  const dimensions = Number(env.EMBEDDING_DIMENSIONS);
  if (!Number.isInteger(dimensions) || dimensions < 1) return "EMBEDDING_DIMENSIONS must be a positive integer (the index's dimensions).";
  if (talksToAws(env) && (env.RAG_ACCESS_TOKEN ?? "").length < MIN_ACCESS_TOKEN_LENGTH) {
    return `This Worker calls Amazon Bedrock: set a random RAG_ACCESS_TOKEN secret of at least ${MIN_ACCESS_TOKEN_LENGTH} characters (\`openssl rand -base64 32 | npx wrangler secret put RAG_ACCESS_TOKEN\`).`;
  }
  if (!env.AWS_BEARER_TOKEN_BEDROCK && !(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)) {
    return "The Worker has no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_BEARER_TOKEN_BEDROCK) with `npx wrangler secret put <NAME>`.";
  }
  return undefined;
}

/** The three Bedrock pieces, sharing one client (one set of credentials, retries and scrubbing). */
export interface Bedrock {
  runtime: BedrockRuntime;
  embeddings: BedrockEmbeddings;
  chat: ChatBedrockConverse;
  /** The rerank model as the ARN Rerank requires. */
  rerankModelArn: string;
}

function connection(env: Env): BedrockRuntimeOptions {
  const auth: BedrockRuntimeOptions = env.AWS_BEARER_TOKEN_BEDROCK
    ? { apiKey: env.AWS_BEARER_TOKEN_BEDROCK }
    : {
        credentials: {
          accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "",
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        },
      };
  return { region: env.AWS_REGION, ...auth, ...(env.BEDROCK_ENDPOINT ? { endpoint: env.BEDROCK_ENDPOINT } : {}) };
}

// The ARN partition of a region's prefix (AWS's partitions.json); every other region is in "aws".
const PARTITIONS: ReadonlyArray<[RegExp, string]> = [[/^cn-/, "aws-cn"], [/^us-gov-/, "aws-us-gov"], [/^us-isob-/, "aws-iso-b"], [/^us-iso-/, "aws-iso"], [/^eu-isoe-/, "aws-iso-e"], [/^eusc-/, "aws-eusc"]];

/** Rerank names its model by ARN: an ID becomes the region's foundation-model ARN, in the region's partition. */
export function rerankModelArn(env: Env): string {
  const id = env.RERANK_MODEL_ID;
  const partition = PARTITIONS.find(([prefix]) => prefix.test(env.AWS_REGION))?.[1] ?? "aws";
  return id.startsWith("arn:") ? id : `arn:${partition}:bedrock:${env.AWS_REGION}::foundation-model/${id}`;
}

/** Built per request: Workers give no lifetime hook to share clients safely across requests' credentials. */
export function bedrock(env: Env): Bedrock {
  const runtime = new BedrockRuntime(connection(env));
  return {
    runtime,
    embeddings: new BedrockEmbeddings({ client: runtime, model: env.EMBEDDING_MODEL_ID, dimensions: Number(env.EMBEDDING_DIMENSIONS) }),
    chat: new ChatBedrockConverse({ client: runtime, model: env.CHAT_MODEL_ID, maxTokens: 1024, temperature: 0.2 }),
    rerankModelArn: rerankModelArn(env),
  };
}
