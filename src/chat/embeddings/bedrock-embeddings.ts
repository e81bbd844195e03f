// BedrockEmbeddings: embedQuery / embedDocuments over InvokeModel, batched per family with a concurrency cap.
//
// Compared with @langchain/aws's BedrockEmbeddings (0.x, node_modules/@langchain/aws/dist/embeddings.js):
// - the same `model`, `region`, `credentials`, `client` and `dimensions` fields; `apiKey` where it has
//   `bedrockBearerToken`; no `clientOptions` / `modelParameters` (connection options are fields here, as
//   on ChatBedrockConverse, and the body's fields are named settings checked per family);
// - the default model is Titan Text v2 (theirs v1, whose vectors are 1,536 wide and not resizable);
// - it sends Titan's `{ inputText }` to every model, so Cohere (`texts`, `input_type`) is refused, and
//   Nova gets a `messages` body; here each family gets its own body (embedding-bodies.ts);
// - it replaces newlines with spaces; we send the text as given;
// - it wraps errors in a plain Error; ours are the client's typed errors (ThrottlingException, …).
//
// langchain-aws (Python) #867: its `aembed_documents` calls `aembed_query` once per text, so Cohere
// documents are embedded as `search_query` (the query projection) and one text per call. Here
// embedDocuments sends `search_document`, up to 96 texts per call.
import { regionFromEnv } from "../../auth/env-credentials.js";
import { BedrockClient, type BedrockClientOptions } from "../../client/bedrock-client.js";
import { aiGateway } from "../../client/gateway.js";
import type { BedrockRuntimeOptions } from "../../client/options.js";
import { invokeJson } from "../../client/operations/invoke-json.js";
import { BedrockInputError } from "../../errors/exceptions.js";
import { regionFromModelArn } from "../../wire/serde/model-path.js";
import { embeddingBody, embeddingModelFamily, readEmbeddings, textsPerCall, type EmbeddingModelFamily, type EmbeddingPurpose, type EmbeddingSettings } from "./embedding-bodies.js";
import { mapBatches } from "./map-batches.js";

const CONNECTION = ["region", "credentials", "apiKey", "endpoint", "fetch", "maxRetries", "timeout", "dangerouslyAllowBrowser", "userAgentAppId", "hooks", "headers"] as const;

export interface BedrockEmbeddingsInput
  extends EmbeddingSettings,
    Pick<BedrockRuntimeOptions, (typeof CONNECTION)[number] | "gateway"> {
  /** Model ID, inference profile ID or ARN (default `amazon.titan-embed-text-v2:0`). */
  model?: string;
  /** An existing client to reuse (a BedrockClient, or a BedrockRuntime's); connection options must not come with it. */
  client?: BedrockClient | { client: BedrockClient };
  /** How many InvokeModel calls run at once (default 4). */
  maxConcurrency?: number;
  /** Texts per call, at most the family's limit (Cohere 96, others 1): the default. */
  batchSize?: number;
}

function positiveInteger(value: number | undefined, field: string, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BedrockInputError(`${field} must be an integer from 1 to ${max}, got ${String(value)}`);
  return value;
}

/**
 * Embeddings from a Bedrock embedding model (Titan Text v1/v2, Titan Multimodal, Cohere Embed
 * v3/v4, Nova multimodal embeddings), in input order.
 * @example
 * const embeddings = new BedrockEmbeddings({ region: "us-east-1", model: "cohere.embed-english-v3" });
 * const [doc] = await embeddings.embedDocuments(["Socks in every colour."]);
 * const query = await embeddings.embedQuery("colourful socks");
 */
export class BedrockEmbeddings {
  readonly model: string;
  readonly family: EmbeddingModelFamily;
  readonly client: BedrockClient;
  readonly maxConcurrency: number;
  readonly batchSize: number;
  readonly settings: EmbeddingSettings;

  constructor(fields: BedrockEmbeddingsInput = {}) {
    this.model = fields.model ?? "amazon.titan-embed-text-v2:0";
    if (typeof this.model !== "string" || this.model === "") throw new BedrockInputError("model must be a non-empty string");
    this.family = embeddingModelFamily(this.model);
    const { dimensions, normalize, inputType, truncate } = fields;
    this.settings = Object.fromEntries(Object.entries({ dimensions, normalize, inputType, truncate }).filter(([, v]) => v !== undefined));
    embeddingBody(this.family, [""], "query", this.settings); // the settings checked now, not at the first call
    const limit = textsPerCall(this.family);
    this.batchSize = positiveInteger(fields.batchSize, "batchSize", limit) ?? limit;
    this.maxConcurrency = positiveInteger(fields.maxConcurrency, "maxConcurrency") ?? 4;
    this.client = connectionClient(fields, this.model);
  }

  /** The vector for a search query (Cohere `search_query`, Nova `GENERIC_RETRIEVAL`). */
  async embedQuery(text: string): Promise<number[]> {
    return (await this.embed([text], "query"))[0]!;
  }

  /** One vector per text, in order (Cohere `search_document`, up to 96 texts a call; Nova `GENERIC_INDEX`). */
  embedDocuments(texts: readonly string[]): Promise<number[][]> {
    return this.embed(texts, "document");
  }

  private embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<number[][]> {
    if (!Array.isArray(texts)) throw new BedrockInputError("texts must be an array of strings");
    texts.forEach((text, i) => {
      if (typeof text !== "string") throw new BedrockInputError(`texts[${i}] must be a string`);
    });
    return mapBatches(texts, this.batchSize, this.maxConcurrency, async (batch) => {
      const body = embeddingBody(this.family, batch, purpose, this.settings);
      const vectors = readEmbeddings((await invokeJson(this.client, this.model, body)).json);
      if (vectors.length !== batch.length) throw new BedrockInputError(`Bedrock answered ${vectors.length} embeddings for ${batch.length} texts`);
      return vectors;
    });
  }
}

/** The given `client` (no connection fields with it), or a BedrockClient from the connection fields; the region required up front. */
export function connectionClient(fields: Pick<BedrockEmbeddingsInput, "client" | "gateway" | (typeof CONNECTION)[number]>, model: string): BedrockClient {
  if (fields.client !== undefined) {
    const given = fields.client instanceof BedrockClient ? fields.client : (fields.client as { client?: unknown } | null)?.client;
    if (!(given instanceof BedrockClient)) throw new BedrockInputError("client must be a BedrockClient or a BedrockRuntime");
    const clash = [...CONNECTION, "gateway" as const].filter((key) => fields[key] !== undefined);
    if (clash.length > 0) throw new BedrockInputError(`${clash.join(", ")} configure a new client; pass them to the client given as \`client\` instead`);
    return given;
  }
  const options: BedrockClientOptions = {};
  for (const key of CONNECTION) if (fields[key] !== undefined) (options as Record<string, unknown>)[key] = fields[key];
  if (fields.gateway !== undefined) options.gateway = aiGateway(fields.gateway);
  if ((fields.region ?? regionFromModelArn(model) ?? regionFromEnv()) === undefined) {
    throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
  }
  return new BedrockClient(options);
}
