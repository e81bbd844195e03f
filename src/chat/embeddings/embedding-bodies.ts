// The embedding models' InvokeModel bodies, built from texts and settings, and their answers read back as vectors: pure, no I/O.
//
// Shapes from the Bedrock user guide's model parameter pages ("Amazon Titan Embeddings Text",
// "Amazon Titan Multimodal Embeddings G1", "Cohere Embed v3" / "Cohere Embed v4") and the Nova
// user guide ("Complete embeddings request and response schema").
import { BedrockError } from "../../errors/bedrock-error.js";
import { BedrockInputError } from "../../errors/exceptions.js";
import { baseModelOf } from "../../internal/model-id.js";

export type EmbeddingModelFamily = "titan-text-v1" | "titan-text-v2" | "titan-image" | "cohere-v3" | "cohere-v4" | "nova";

/** Whether the texts are a search query (`embedQuery`) or documents to index (`embedDocuments`). */
export type EmbeddingPurpose = "query" | "document";

export type CohereInputType = "search_document" | "search_query" | "classification" | "clustering";

export interface EmbeddingSettings {
  /** Output size: Titan v2 `dimensions`, Titan Multimodal `outputEmbeddingLength`, Cohere v4 `output_dimension`, Nova `embeddingDimension`. */
  dimensions?: number;
  /** Titan Text v2 only. */
  normalize?: boolean;
  /** Cohere only; by default `search_query` for a query and `search_document` for documents. */
  inputType?: CohereInputType;
  /** Cohere `truncate` (`NONE` | `START` | `END`); Nova `truncationMode` (`NONE` | `START` | `END`, default `END`). */
  truncate?: "NONE" | "START" | "END";
}

/**
 * The family a model ID names (prefix and foundation-model ARN understood). An opaque ARN (an
 * application inference profile, a provisioned model) is read as Titan Text v2, the default model.
 * @example
 * embeddingModelFamily("us.cohere.embed-v4:0"); // "cohere-v4"
 */
export function embeddingModelFamily(modelId: string): EmbeddingModelFamily {
  const id = baseModelOf(modelId) ?? "";
  if (id.startsWith("amazon.titan-embed-text-v1")) return "titan-text-v1";
  if (id.startsWith("amazon.titan-embed-image")) return "titan-image";
  if (/^cohere\.embed-v4/.test(id)) return "cohere-v4";
  if (id.startsWith("cohere.embed-")) return "cohere-v3";
  if (id.startsWith("amazon.nova-") && id.includes("embed")) return "nova";
  return "titan-text-v2";
}

/** How many texts one InvokeModel call takes: 96 for Cohere (Bedrock's limit), 1 for the others. */
export function textsPerCall(family: EmbeddingModelFamily): number {
  return family === "cohere-v3" || family === "cohere-v4" ? 96 : 1;
}

/** Settings the family has no field for: refused before any call, naming the field (Bedrock would answer "extraneous key"). */
function checkSettings(family: EmbeddingModelFamily, settings: EmbeddingSettings): void {
  const allowed: Record<EmbeddingModelFamily, readonly (keyof EmbeddingSettings)[]> = {
    "titan-text-v1": [],
    "titan-text-v2": ["dimensions", "normalize"],
    "titan-image": ["dimensions"],
    "cohere-v3": ["inputType", "truncate"],
    "cohere-v4": ["inputType", "truncate", "dimensions"],
    nova: ["dimensions", "truncate"],
  };
  for (const key of ["dimensions", "normalize", "inputType", "truncate"] as const) {
    if (settings[key] !== undefined && !allowed[family].includes(key)) {
      throw new BedrockInputError(`${key} does not apply to ${family} embedding models`);
    }
  }
}

/**
 * The InvokeModel body for `texts` (one text, except Cohere's up to 96).
 * @example
 * embeddingBody("cohere-v3", ["socks"], "query", {}); // { texts: ["socks"], input_type: "search_query" }
 */
export function embeddingBody(family: EmbeddingModelFamily, texts: readonly string[], purpose: EmbeddingPurpose, settings: EmbeddingSettings): Record<string, unknown> {
  checkSettings(family, settings);
  const { dimensions, normalize, inputType, truncate } = settings;
  const defined = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  switch (family) {
    case "titan-text-v1":
      return { inputText: texts[0] };
    case "titan-text-v2":
      return defined({ inputText: texts[0], dimensions, normalize });
    case "titan-image":
      return defined({ inputText: texts[0], embeddingConfig: dimensions === undefined ? undefined : { outputEmbeddingLength: dimensions } });
    case "cohere-v3":
    case "cohere-v4":
      return defined({
        texts: [...texts],
        input_type: inputType ?? (purpose === "query" ? "search_query" : "search_document"),
        truncate,
        output_dimension: family === "cohere-v4" ? dimensions : undefined,
      });
    case "nova":
      // Nova's asymmetric purposes: GENERIC_INDEX for what is stored, GENERIC_RETRIEVAL for the query.
      return {
        taskType: "SINGLE_EMBEDDING",
        singleEmbeddingParams: defined({
          embeddingPurpose: purpose === "query" ? "GENERIC_RETRIEVAL" : "GENERIC_INDEX",
          embeddingDimension: dimensions,
          text: { truncationMode: truncate ?? "END", value: texts[0] },
        }),
      };
    default: {
      const never: never = family;
      throw new BedrockInputError(`unknown embedding family ${String(never)}`);
    }
  }
}

const isVector = (value: unknown): value is number[] => Array.isArray(value) && value.every((x) => typeof x === "number");

/**
 * The vectors in an embedding answer: Titan `{ embedding }`, Cohere v3 `{ embeddings: [[…]] }`,
 * Cohere by type `{ embeddings: { float: [[…]] } }`, Nova `{ embeddings: [{ embedding }] }`.
 */
export function readEmbeddings(json: unknown): number[][] {
  const body = (json ?? {}) as { embedding?: unknown; embeddings?: unknown };
  if (isVector(body.embedding)) return [body.embedding];
  const list = Array.isArray(body.embeddings) ? body.embeddings : (body.embeddings as { float?: unknown } | undefined)?.float;
  if (Array.isArray(list)) {
    const vectors = list.map((entry) => (isVector(entry) ? entry : (entry as { embedding?: unknown } | null)?.embedding));
    if (vectors.every(isVector)) return vectors as number[][];
  }
  throw new BedrockError("Bedrock answered without float embeddings", { status: 200 });
}
