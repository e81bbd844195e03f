// The AI SDK image model: ImageModelV3 over InvokeModel for Amazon Nova Canvas and Titan Image Generator.
//
// Bodies as @ai-sdk/amazon-bedrock 4.x's bedrock-image-model.ts builds them, with its providerOptions.bedrock
// names (negativeText, style, quality, cfgScale, taskType, maskPrompt, outPaintingMode, similarityStrength),
// so a switch of provider sends the same requests: `size` "WxH" becomes width/height, `n` numberOfImages,
// files pick the task (a mask or maskPrompt: INPAINTING, else IMAGE_VARIATION), `aspectRatio` is a warning.
// Differences, on purpose:
// - a seed of 0 is sent (the peer drops it as falsy, so `seed: 0` silently becomes the model's
//   default seed, a bug: 0 is a valid seed for both families);
// - a moderated answer, or one without images, throws an APICallError (not retryable) instead of a
//   plain Error, with Bedrock's `error` text when the answer has one (the peer reads only `status`),
//   and images that come with an `error` (some were filtered out) come with it as a warning;
// - `response.headers` is undefined, as on our language model: invokeJson reads one header (the
//   input token count) and hands back no others, which keeps every JSON caller's bundle smaller.
import type { ImageModelV3, ImageModelV3CallOptions, ImageModelV3File, SharedV3Warning } from "@ai-sdk/provider";
import { invokeJson } from "../client/operations/invoke-json.js";
import { BedrockInputError } from "../errors/index.js";
import { isObject } from "../internal/index.js";
import { encodeBase64 } from "../wire/serde/base64.js";
import { BedrockAPICallError, toApiCallError } from "./api-call-error.js";
import { callOptions, PROVIDER_NAME, type ClientSource } from "./language-model.js";

/** providerOptions.bedrock of an image call, @ai-sdk/amazon-bedrock's names. */
export interface BedrockImageProviderOptions {
  negativeText?: string;
  style?: string;
  quality?: "standard" | "premium";
  cfgScale?: number;
  taskType?: "TEXT_IMAGE" | "IMAGE_VARIATION" | "INPAINTING" | "OUTPAINTING" | "BACKGROUND_REMOVAL";
  maskPrompt?: string;
  outPaintingMode?: "DEFAULT" | "PRECISE";
  similarityStrength?: number;
}

type Json = Record<string, unknown>;

function base64Of(file: ImageModelV3File): string {
  if (file.type === "url") throw new BedrockInputError("image files must be bytes or base64: Bedrock takes no image URLs");
  return typeof file.data === "string" ? file.data : encodeBase64(file.data);
}

/** The InvokeModel body for a call, and its warnings, as @ai-sdk/amazon-bedrock builds them. */
export function aiSdkImageBody(options: Pick<ImageModelV3CallOptions, "prompt" | "n" | "size" | "aspectRatio" | "seed" | "files" | "mask">, o: BedrockImageProviderOptions): { body: Json; warnings: SharedV3Warning[] } {
  const [width, height] = options.size ? options.size.split("x").map(Number) : [];
  const config: Json = {
    width: width || undefined,
    height: height || undefined,
    seed: options.seed,
    numberOfImages: options.n || undefined,
    quality: o.quality || undefined,
    cfgScale: o.cfgScale || undefined,
  };
  const text = options.prompt || undefined;
  const negativeText = o.negativeText || undefined;
  const files = options.files ?? [];
  let body: Json;
  if (files.length === 0) {
    body = { taskType: "TEXT_IMAGE", textToImageParams: { text: options.prompt, negativeText, style: o.style || undefined }, imageGenerationConfig: config };
  } else {
    const masked = options.mask !== undefined || o.maskPrompt != null;
    const taskType = o.taskType ?? (masked ? "INPAINTING" : "IMAGE_VARIATION");
    const image = base64Of(files[0]!);
    const mask = options.mask !== undefined ? { maskImage: base64Of(options.mask) } : { maskPrompt: o.maskPrompt };
    switch (taskType) {
      case "INPAINTING":
        body = { taskType, inPaintingParams: { image, text, negativeText, ...mask }, imageGenerationConfig: config };
        break;
      case "OUTPAINTING":
        body = { taskType, outPaintingParams: { image, text, negativeText, outPaintingMode: o.outPaintingMode || undefined, ...mask }, imageGenerationConfig: config };
        break;
      case "BACKGROUND_REMOVAL":
        body = { taskType, backgroundRemovalParams: { image } };
        break;
      case "IMAGE_VARIATION":
        body = { taskType, imageVariationParams: { images: files.map(base64Of), text, negativeText, similarityStrength: o.similarityStrength }, imageGenerationConfig: config };
        break;
      default:
        throw new BedrockInputError(`unsupported providerOptions.bedrock.taskType with files: ${String(taskType).slice(0, 40)}`);
    }
  }
  const warnings: SharedV3Warning[] =
    options.aspectRatio === undefined ? [] : [{ type: "unsupported", feature: "aspectRatio", details: "This model does not support aspect ratio. Use `size` instead." }];
  // Through JSON: undefined members vanish, as the peer's spreads leave them out.
  return { body: JSON.parse(JSON.stringify(body)) as Json, warnings };
}

// The service's words, short and printable before they reach a message.
const shown = (text: unknown) => String(text).replace(/[^\w ,.:'-]/g, "").slice(0, 120);

export class BedrockImageModel implements ImageModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = PROVIDER_NAME;
  readonly modelId: string;
  readonly #client: ClientSource;

  constructor(modelId: string, client: ClientSource) {
    this.modelId = modelId;
    this.#client = client;
  }

  // Nova Canvas returns up to five images a call; the peer lets every other model ID (profiles too) make one.
  get maxImagesPerCall(): number {
    return this.modelId === "amazon.nova-canvas-v1:0" ? 5 : 1;
  }

  async doGenerate(options: ImageModelV3CallOptions): Promise<Awaited<ReturnType<ImageModelV3["doGenerate"]>>> {
    const bedrockOptions = options.providerOptions?.bedrock;
    if (bedrockOptions !== undefined && !isObject(bedrockOptions)) throw new BedrockInputError("providerOptions.bedrock must be an object");
    const { body, warnings } = aiSdkImageBody(options, (bedrockOptions ?? {}) as BedrockImageProviderOptions);
    const url = `/model/${encodeURIComponent(this.modelId)}/invoke`;
    const { json } = await invokeJson(this.#client(), this.modelId, body, callOptions(options)).catch((error: unknown) => Promise.reject(toApiCallError(error, url, body)));
    const answer = (isObject(json) ? json : {}) as { images?: unknown; status?: unknown; details?: unknown; error?: unknown };
    const fail = (message: string) => new BedrockAPICallError({ message, url, requestBodyValues: body, statusCode: 200, isRetryable: false, cause: undefined, data: json });
    if (answer.status === "Request Moderated") {
      const reasons = isObject(answer.details) && Array.isArray(answer.details["Moderation Reasons"]) ? answer.details["Moderation Reasons"] : ["Unknown"];
      throw fail(`Amazon Bedrock request was moderated: ${reasons.map(shown).join(", ")}`);
    }
    const images = Array.isArray(answer.images) ? answer.images.filter((image): image is string => typeof image === "string") : [];
    // `error` is null, or the output filter's words: "All of the generated images have been blocked…"
    // with none, "Some of…" with those that passed (Amazon Nova user guide, image generation "Error handling").
    const why = typeof answer.error === "string" ? answer.error : answer.status;
    if (images.length === 0) throw fail(`Amazon Bedrock returned no images.${typeof why === "string" ? ` ${shown(why)}` : ""}`);
    // Fewer images than asked is no failure, but the caller should know why.
    if (typeof answer.error === "string") warnings.push({ type: "other", message: shown(answer.error) });
    return { images, warnings, response: { timestamp: new Date(), modelId: this.modelId, headers: undefined } };
  }
}
