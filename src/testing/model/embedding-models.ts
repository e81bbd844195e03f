// The embedding models' native InvokeModel bodies: each request checked as Bedrock checks it, answered with embeddings.ts's vectors.
//
// Shapes from the model parameter pages of the Bedrock user guide ("Amazon Titan Embeddings
// Text", "Amazon Titan Multimodal Embeddings G1", "Cohere Embed and Cohere Embed v4") and the
// Nova user guide ("Complete embeddings request and response schema"). Bedrock reports a bad
// body as a ValidationException "Malformed input request: <JSON-schema path>: <problem>, please
// reformat your input and try again." (the form quoted in langchain-aws and boto3 issues, e.g.
// "#: required key [inputText] not found"); the problems below follow that wording.
import { embedText, toBinary, toInt8 } from "./embeddings.js";
import { estimateTokens } from "./token-count.js";

export type EmbeddingFamily = "titan-text-v1" | "titan-text-v2" | "titan-multimodal" | "cohere-v3" | "cohere-v4" | "nova-multimodal";

/** Which embedding family a base model ID (cross-region prefix and ARN already removed) belongs to. */
export function embeddingFamily(baseModelId: string): EmbeddingFamily | undefined {
  if (/^amazon\.titan-embed-text-v1(?::|$)/.test(baseModelId)) return "titan-text-v1";
  if (/^amazon\.titan-embed-text-v2(?::|$)/.test(baseModelId)) return "titan-text-v2";
  if (/^amazon\.titan-embed-image-v1(?::|$)/.test(baseModelId)) return "titan-multimodal";
  if (/^cohere\.embed-(english|multilingual)-v3(?::|$)/.test(baseModelId)) return "cohere-v3";
  if (/^cohere\.embed-v4(?::|$)/.test(baseModelId)) return "cohere-v4";
  if (/^amazon\.nova-2-multimodal-embeddings-v1(?::|$)/.test(baseModelId)) return "nova-multimodal";
  return undefined;
}

export type EmbeddingAnswer = { json: Record<string, unknown>; inputTokens: number } | { malformed: string };

type Body = Record<string, unknown>;
type Problem = { malformed: string };

const malformed = (problem: string): Problem => ({ malformed: `Malformed input request: ${problem}, please reformat your input and try again.` });
const isBody = (value: unknown): value is Body => value !== null && typeof value === "object" && !Array.isArray(value);
const own = (body: Body, key: string) => (Object.hasOwn(body, key) ? body[key] : undefined);

/** The first key of `body` outside `allowed`, as Bedrock's schema refuses it. */
function extraneous(body: Body, allowed: readonly string[], path = "#"): Problem | undefined {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) return malformed(`${path}: extraneous key [${key}] is not permitted`);
  return undefined;
}

function requireString(body: Body, key: string, path = "#"): Problem | string {
  const value = own(body, key);
  if (value === undefined) return malformed(`${path}: required key [${key}] not found`);
  if (typeof value !== "string") return malformed(`${path}/${key}: expected type: String, found: ${jsonType(value)}`);
  return value;
}

// The value as Bedrock's schema validator prints it, strings unquoted: "#/tools/2/type: bash_20250124 is
// not a valid enum value" and "none is not a valid enum value" in captured Bedrock answers.
function oneOf<T>(value: unknown, allowed: readonly T[], path: string): Problem | undefined {
  return allowed.includes(value as T) ? undefined : malformed(`${path}: ${String(value)} is not a valid enum value`);
}

function jsonType(value: unknown): string {
  if (value === null) return "Null";
  if (Array.isArray(value)) return "JSONArray";
  return { string: "String", number: "Integer", boolean: "Boolean", object: "JSONObject" }[typeof value as "string"] ?? "String";
}

/** Answers one embedding request of `family`, or says how Bedrock would refuse it. */
export function answerEmbedding(family: EmbeddingFamily, body: unknown): EmbeddingAnswer {
  if (!isBody(body)) return malformed(`#: expected type: JSONObject, found: ${jsonType(body)}`);
  switch (family) {
    case "titan-text-v1":
      return titanText(body, ["inputText"], 1536);
    case "titan-text-v2":
      return titanText(body, ["inputText", "dimensions", "normalize", "embeddingTypes"], 1024);
    case "titan-multimodal":
      return titanMultimodal(body);
    case "cohere-v3":
      return cohere(body, false);
    case "cohere-v4":
      return cohere(body, true);
    case "nova-multimodal":
      return nova(body);
    default: {
      const never: never = family;
      return malformed(`unknown family ${String(never)}`);
    }
  }
}

function titanText(body: Body, allowed: readonly string[], defaultDimensions: number): EmbeddingAnswer {
  const extra = extraneous(body, allowed);
  if (extra) return extra;
  const text = requireString(body, "inputText");
  if (typeof text !== "string") return text;
  const dimensions = own(body, "dimensions") ?? defaultDimensions;
  const badDims = oneOf(dimensions, [256, 512, 1024], "#/dimensions");
  if (badDims && allowed.includes("dimensions")) return badDims;
  const normalize = own(body, "normalize") ?? true;
  if (typeof normalize !== "boolean") return malformed(`#/normalize: expected type: Boolean, found: ${jsonType(normalize)}`);
  const types = own(body, "embeddingTypes") ?? ["float"];
  if (!Array.isArray(types) || types.length === 0) return malformed("#/embeddingTypes: expected minimum item count: 1, found: 0");
  for (const [i, t] of types.entries()) {
    const bad = oneOf(t, ["float", "binary"], `#/embeddingTypes/${i}`);
    if (bad) return bad;
  }
  const vector = embedText(text, dimensions as number, normalize);
  const inputTokens = estimateTokens(text);
  const json: Record<string, unknown> = { embedding: vector, inputTextTokenCount: inputTokens };
  if (allowed.includes("embeddingTypes")) {
    json.embeddingsByType = {
      ...(types.includes("float") ? { float: vector } : {}),
      ...(types.includes("binary") ? { binary: toBinary(vector) } : {}),
    };
  }
  return { json, inputTokens };
}

function titanMultimodal(body: Body): EmbeddingAnswer {
  const extra = extraneous(body, ["inputText", "inputImage", "embeddingConfig"]);
  if (extra) return extra;
  const text = own(body, "inputText");
  const image = own(body, "inputImage");
  if (text === undefined && image === undefined) return malformed("#: required key [inputText] or [inputImage] not found");
  if (text !== undefined && typeof text !== "string") return malformed(`#/inputText: expected type: String, found: ${jsonType(text)}`);
  if (image !== undefined && typeof image !== "string") return malformed(`#/inputImage: expected type: String, found: ${jsonType(image)}`);
  const config = own(body, "embeddingConfig");
  let dimensions = 1024;
  if (config !== undefined) {
    if (!isBody(config)) return malformed(`#/embeddingConfig: expected type: JSONObject, found: ${jsonType(config)}`);
    dimensions = (own(config, "outputEmbeddingLength") as number | undefined) ?? 1024;
    const bad = oneOf(dimensions, [256, 384, 1024], "#/embeddingConfig/outputEmbeddingLength");
    if (bad) return bad;
  }
  // An image embeds by its bytes' digest words: equal images are equal, different ones apart.
  const source = [text ?? "", image === undefined ? "" : `image ${(image as string).slice(0, 64)}`].join(" ");
  const inputTokens = typeof text === "string" ? estimateTokens(text) : 0;
  return { json: { embedding: embedText(source, dimensions), inputTextTokenCount: inputTokens, message: null }, inputTokens };
}

const COHERE_INPUT_TYPES = ["search_document", "search_query", "classification", "clustering"] as const;
// Cohere on Bedrock takes at most 96 texts a call (Bedrock user guide, Cohere Embed).
export const COHERE_MAX_TEXTS = 96;
// Each text at most 2,048 characters for v3 (Bedrock user guide); v4 counts tokens instead.
const COHERE_V3_MAX_CHARS = 2048;

function cohere(body: Body, v4: boolean): EmbeddingAnswer {
  const allowed = ["texts", "images", "input_type", "truncate", "embedding_types", ...(v4 ? ["inputs", "output_dimension", "max_tokens"] : [])];
  const extra = extraneous(body, allowed);
  if (extra) return extra;
  const inputType = requireString(body, "input_type");
  if (typeof inputType !== "string") return inputType;
  const badType = oneOf(inputType, COHERE_INPUT_TYPES, "#/input_type");
  if (badType) return badType;
  const texts = own(body, "texts");
  if (texts === undefined) return malformed("#: required key [texts] not found");
  if (!Array.isArray(texts)) return malformed(`#/texts: expected type: JSONArray, found: ${jsonType(texts)}`);
  if (texts.length > COHERE_MAX_TEXTS) return malformed(`#/texts: expected maximum item count: ${COHERE_MAX_TEXTS}, found: ${texts.length}`);
  for (const [i, t] of texts.entries()) {
    if (typeof t !== "string") return malformed(`#/texts/${i}: expected type: String, found: ${jsonType(t)}`);
    if (!v4 && t.length > COHERE_V3_MAX_CHARS && (own(body, "truncate") ?? "NONE") === "NONE") {
      return malformed(`#/texts/${i}: expected maxLength: ${COHERE_V3_MAX_CHARS}, actual: ${t.length}`);
    }
  }
  const truncate = own(body, "truncate");
  if (truncate !== undefined) {
    const bad = oneOf(truncate, ["NONE", "START", "END"], "#/truncate");
    if (bad) return bad;
  }
  const dimensions = v4 ? ((own(body, "output_dimension") as number | undefined) ?? 1536) : 1024;
  if (v4) {
    const bad = oneOf(dimensions, [256, 512, 1024, 1536], "#/output_dimension");
    if (bad) return bad;
  }
  const types = own(body, "embedding_types");
  if (types !== undefined && !Array.isArray(types)) return malformed(`#/embedding_types: expected type: JSONArray, found: ${jsonType(types)}`);
  for (const [i, t] of (types ?? []).entries()) {
    const bad = oneOf(t, ["float", "int8", "uint8", "binary", "ubinary"], `#/embedding_types/${i}`);
    if (bad) return bad;
  }
  // Queries and documents share one space here, so a query finds the documents it shares words with.
  const vectors = (texts as string[]).map((text) => embedText(text, dimensions));
  const inputTokens = (texts as string[]).reduce((sum, text) => sum + estimateTokens(text), 0);
  const id = `emb-${inputTokens.toString(16)}-${texts.length}`;
  // Without embedding_types v3 answers a plain list ("embeddings_floats"); with them, or on v4, by type.
  if (types === undefined && !v4) return { json: { id, embeddings: vectors, response_type: "embeddings_floats", texts }, inputTokens };
  const byType: Record<string, unknown> = {};
  for (const t of (types as string[] | undefined) ?? ["float"]) {
    if (t === "float") byType.float = vectors;
    else if (t === "int8") byType.int8 = vectors.map(toInt8);
    else if (t === "uint8") byType.uint8 = vectors.map((v) => toInt8(v).map((x) => x + 128));
    else byType[t] = vectors.map((v) => packBits(toBinary(v), t === "binary"));
  }
  return { json: { id, embeddings: byType, response_type: "embeddings_by_type", texts }, inputTokens };
}

/** Eight sign bits per byte, as Cohere's binary (signed, offset by 128) and ubinary types. */
function packBits(bits: number[], signed: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    let byte = 0;
    for (let j = 0; j < 8; j++) byte = (byte << 1) | (bits[i + j] ?? 0);
    out.push(signed ? byte - 128 : byte);
  }
  return out;
}

const NOVA_PURPOSES = [
  "GENERIC_INDEX",
  "GENERIC_RETRIEVAL",
  "TEXT_RETRIEVAL",
  "IMAGE_RETRIEVAL",
  "VIDEO_RETRIEVAL",
  "DOCUMENT_RETRIEVAL",
  "AUDIO_RETRIEVAL",
  "CLASSIFICATION",
  "CLUSTERING",
] as const;

function nova(body: Body): EmbeddingAnswer {
  const extra = extraneous(body, ["schemaVersion", "taskType", "singleEmbeddingParams"]);
  if (extra) return extra;
  const task = requireString(body, "taskType");
  if (typeof task !== "string") return task;
  // The synchronous API takes SINGLE_EMBEDDING only; SEGMENTED_EMBEDDING is for StartAsyncInvoke.
  const badTask = oneOf(task, ["SINGLE_EMBEDDING"], "#/taskType");
  if (badTask) return badTask;
  const params = own(body, "singleEmbeddingParams");
  if (params === undefined) return malformed("#: required key [singleEmbeddingParams] not found");
  if (!isBody(params)) return malformed(`#/singleEmbeddingParams: expected type: JSONObject, found: ${jsonType(params)}`);
  const path = "#/singleEmbeddingParams";
  const extraParam = extraneous(params, ["embeddingPurpose", "embeddingDimension", "text", "image", "audio", "video"], path);
  if (extraParam) return extraParam;
  const purpose = requireString(params, "embeddingPurpose", path);
  if (typeof purpose !== "string") return purpose;
  const badPurpose = oneOf(purpose, NOVA_PURPOSES, `${path}/embeddingPurpose`);
  if (badPurpose) return badPurpose;
  const dimensions = own(params, "embeddingDimension") ?? 3072;
  const badDims = oneOf(dimensions, [256, 384, 1024, 3072], `${path}/embeddingDimension`);
  if (badDims) return badDims;
  const text = own(params, "text");
  const kinds = ["text", "image", "audio", "video"].filter((k) => own(params, k) !== undefined);
  if (kinds.length !== 1) return malformed(`${path}: exactly one of [text, image, audio, video] is required, found: ${kinds.length}`);
  let source: string;
  let inputTokens = 0;
  let embeddingType = kinds[0]!.toUpperCase();
  if (text !== undefined) {
    if (!isBody(text)) return malformed(`${path}/text: expected type: JSONObject, found: ${jsonType(text)}`);
    const value = requireString(text, "value", `${path}/text`);
    if (typeof value !== "string") return value;
    source = value;
    inputTokens = estimateTokens(value);
    embeddingType = "TEXT";
  } else {
    source = `${kinds[0]} ${JSON.stringify(own(params, kinds[0]!)).slice(0, 96)}`;
  }
  return { json: { embeddings: [{ embeddingType, embedding: embedText(source, dimensions as number) }] }, inputTokens };
}
