// The image models the emulator serves on InvokeModel: Amazon Nova Canvas and Titan Image Generator v1/v2,
// each body checked as Bedrock checks it, answered with small valid PNGs.
//
// Parameters and limits from the Amazon Nova user guide ("Image generation request and response format":
// task types and their params; width and height 320-4096, multiples of 16, aspect ratio 1:4 to 4:1, at
// most 4,194,304 pixels; numberOfImages 1-5; cfgScale 1.1-10; seed 0-858,993,459; text up to 1,024
// characters) and the Bedrock user guide's Titan Image Generator parameters (text up to 512 characters,
// the listed output sizes, seed 0-2,147,483,646; colour guidance, background removal and image
// conditioning on v2 only). A schema violation is refused in the JSON-schema wording Bedrock uses for
// every native body ("Malformed input request: #/…: …, please reformat your input and try again.");
// the size rules' own wording has no public capture, so theirs is the emulator's. Pages:
// https://docs.aws.amazon.com/nova/latest/userguide/image-gen-req-resp-structure.html (Nova Canvas bodies),
// https://docs.aws.amazon.com/nova/latest/userguide/image-gen-errors.html (its filter messages),
// https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-image.html (Titan).
import { decodeBase64, encodeBase64, isBase64 } from "../../wire/serde/base64.js";
import { sha256 } from "./hash.js";
import { encodePng, pngSize } from "./png.js";

export type ImageFamily = "nova-canvas" | "titan-image-v1" | "titan-image-v2";

export function imageFamily(baseModelId: string): ImageFamily | undefined {
  if (/^amazon\.nova-canvas-v1(?::|$)/.test(baseModelId)) return "nova-canvas";
  if (/^amazon\.titan-image-generator-v2(?::|$)/.test(baseModelId)) return "titan-image-v2";
  if (/^amazon\.titan-image-generator-v1(?::|$)/.test(baseModelId)) return "titan-image-v1";
  return undefined;
}

type Body = Record<string, unknown>;
const isBody = (value: unknown): value is Body => value !== null && typeof value === "object" && !Array.isArray(value);
const malformed = (problem: string) => `Malformed input request: ${problem}, please reformat your input and try again.`;

/** Words that make the emulator's content filter refuse a prompt, so tests can reach that answer. */
export const MODERATION_TRIGGER = "emulator:moderate";
// Bedrock's refusal of a prompt its image filters block (a 400 ValidationException): the Amazon Nova
// user guide's "Error handling" page for image generation (RAI input deflection, the text message).
export const BLOCKED_PROMPT = "This request has been blocked by our content filters. Please adjust your text prompt to submit a new request.";
/**
 * Words that make the emulator's output filter withhold every generated image, or some of them. The
 * same page: an output deflection is no exception but a 200 answer whose `error` says so, with the
 * images that passed (none, or fewer than asked).
 */
export const OUTPUT_BLOCK_TRIGGER = "emulator:block-images";
export const SOME_BLOCKED_TRIGGER = "emulator:block-some-images";
export const ALL_IMAGES_BLOCKED = "All of the generated images have been blocked by our content filters.";
export const SOME_IMAGES_BLOCKED = "Some of the generated images have been blocked by our content filters.";

// Titan Image Generator's output sizes (width x height), the user guide's table.
const TITAN_SIZES = new Set([
  "1024x1024", "768x768", "512x512", "768x1152", "384x576", "1152x768", "576x384", "768x1280", "384x640",
  "1280x768", "640x384", "896x1152", "448x576", "1152x896", "576x448", "768x1408", "384x704", "1408x768",
  "704x384", "640x1408", "320x704", "1408x640", "704x320", "1152x640", "1173x640",
]);
const NOVA_STYLES = [
  "3D_ANIMATED_FAMILY_FILM", "DESIGN_SKETCH", "FLAT_VECTOR_ILLUSTRATION", "GRAPHIC_NOVEL_ILLUSTRATION",
  "MAXIMALISM", "MIDCENTURY_RETRO", "PHOTOREALISM", "SOFT_DIGITAL_PAINTING",
];

interface Limits {
  maxText: number;
  maxSeed: number;
  tasks: readonly string[];
}
const LIMITS: Record<ImageFamily, Limits> = {
  "nova-canvas": { maxText: 1024, maxSeed: 858_993_459, tasks: ["TEXT_IMAGE", "COLOR_GUIDED_GENERATION", "IMAGE_VARIATION", "INPAINTING", "OUTPAINTING", "BACKGROUND_REMOVAL"] },
  "titan-image-v2": { maxText: 512, maxSeed: 2_147_483_646, tasks: ["TEXT_IMAGE", "COLOR_GUIDED_GENERATION", "IMAGE_VARIATION", "INPAINTING", "OUTPAINTING", "BACKGROUND_REMOVAL"] },
  "titan-image-v1": { maxText: 512, maxSeed: 2_147_483_646, tasks: ["TEXT_IMAGE", "IMAGE_VARIATION", "INPAINTING", "OUTPAINTING"] },
};

// Which member holds each task's parameters, and what it may hold.
const PARAMS: Record<string, { key: string; keys: readonly string[] }> = {
  TEXT_IMAGE: { key: "textToImageParams", keys: ["text", "negativeText", "style", "conditionImage", "controlMode", "controlStrength"] },
  COLOR_GUIDED_GENERATION: { key: "colorGuidedGenerationParams", keys: ["text", "negativeText", "colors", "referenceImage"] },
  IMAGE_VARIATION: { key: "imageVariationParams", keys: ["text", "negativeText", "images", "similarityStrength"] },
  INPAINTING: { key: "inPaintingParams", keys: ["text", "negativeText", "image", "maskPrompt", "maskImage", "returnMask"] },
  OUTPAINTING: { key: "outPaintingParams", keys: ["text", "negativeText", "image", "maskPrompt", "maskImage", "outPaintingMode", "returnMask"] },
  BACKGROUND_REMOVAL: { key: "backgroundRemovalParams", keys: ["image"] },
};

const jsonType = (value: unknown): string =>
  value === null ? "Null" : Array.isArray(value) ? "JSONArray" : ({ string: "String", number: "Number", boolean: "Boolean", object: "JSONObject" }[typeof value as "string"] ?? "String");

function extraneous(body: Body, allowed: readonly string[], path: string): string | undefined {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) return malformed(`${path}: extraneous key [${key}] is not permitted`);
  return undefined;
}

function text(params: Body, key: string, path: string, max: number, required: boolean): string | undefined {
  const value = params[key];
  if (value === undefined) return required ? malformed(`${path}: required key [${key}] not found`) : undefined;
  if (typeof value !== "string") return malformed(`${path}/${key}: expected type: String, found: ${jsonType(value)}`);
  if (value.length < 1) return malformed(`${path}/${key}: expected minLength: 1, actual: 0`);
  if (value.length > max) return malformed(`${path}/${key}: expected maxLength: ${max}, actual: ${value.length}`);
  return undefined;
}

function number(body: Body, key: string, path: string, min: number, max: number, integer: boolean): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || (integer && !Number.isInteger(value))) return malformed(`${path}/${key}: expected type: ${integer ? "Integer" : "Number"}, found: ${jsonType(value)}`);
  if (value < min) return malformed(`${path}/${key}: ${value} is not greater or equal to ${min}`);
  if (value > max) return malformed(`${path}/${key}: ${value} is not less or equal to ${max}`);
  return undefined;
}

function image(value: unknown, path: string): string | undefined {
  if (typeof value !== "string") return malformed(`${path}: expected type: String, found: ${jsonType(value)}`);
  if (value === "" || !isBase64(value)) return malformed(`${path}: the image is not valid base64`);
  return undefined;
}

function enumValue(value: unknown, allowed: readonly string[], path: string): string | undefined {
  return value === undefined || allowed.includes(value as string) ? undefined : malformed(`${path}: ${String(value)} is not a valid enum value`);
}

function configProblem(family: ImageFamily, config: unknown): string | undefined {
  if (config === undefined) return undefined;
  const path = "#/imageGenerationConfig";
  if (!isBody(config)) return malformed(`${path}: expected type: JSONObject, found: ${jsonType(config)}`);
  const extra = extraneous(config, ["width", "height", "numberOfImages", "cfgScale", "seed", "quality"], path);
  if (extra) return extra;
  const nova = family === "nova-canvas";
  const problem =
    number(config, "width", path, nova ? 320 : 1, nova ? 4096 : 1408, true) ??
    number(config, "height", path, nova ? 320 : 1, nova ? 4096 : 1408, true) ??
    number(config, "numberOfImages", path, 1, 5, true) ??
    number(config, "cfgScale", path, 1.1, 10, false) ??
    number(config, "seed", path, 0, LIMITS[family].maxSeed, true) ??
    enumValue(config.quality, ["standard", "premium"], `${path}/quality`);
  if (problem) return problem;
  const { width, height } = config as { width?: number; height?: number };
  if ((width === undefined) !== (height === undefined)) return "imageGenerationConfig needs both width and height, or neither.";
  if (width === undefined || height === undefined) return undefined;
  if (!nova) return TITAN_SIZES.has(`${width}x${height}`) ? undefined : `${width}x${height} is not an output size this model supports.`;
  if (width % 16 !== 0 || height % 16 !== 0) return "The width and height must each be a multiple of 16.";
  if (width > height * 4 || height > width * 4) return "The aspect ratio must be between 1:4 and 4:1.";
  if (width * height > 4_194_304) return "The image must have at most 4,194,304 pixels.";
  return undefined;
}

/** Why Bedrock would refuse this body for an image model (a ValidationException message), or undefined. */
export function imageBodyProblem(family: ImageFamily, body: unknown): string | undefined {
  if (!isBody(body)) return malformed(`#: expected type: JSONObject, found: ${jsonType(body)}`);
  const limits = LIMITS[family];
  const taskType = body.taskType ?? "TEXT_IMAGE";
  const badTask = enumValue(taskType, limits.tasks, "#/taskType");
  if (badTask) return badTask;
  const spec = PARAMS[taskType as string]!;
  const extra = extraneous(body, ["taskType", spec.key, ...(taskType === "BACKGROUND_REMOVAL" ? [] : ["imageGenerationConfig"])], "#");
  if (extra) return extra;
  const params = body[spec.key];
  const path = `#/${spec.key}`;
  if (params === undefined) return malformed(`#: required key [${spec.key}] not found`);
  if (!isBody(params)) return malformed(`${path}: expected type: JSONObject, found: ${jsonType(params)}`);
  const extraParam = extraneous(params, spec.keys, path);
  if (extraParam) return extraParam;
  const needsText = taskType === "TEXT_IMAGE" || taskType === "COLOR_GUIDED_GENERATION";
  const problem =
    text(params, "text", path, limits.maxText, needsText) ??
    text(params, "negativeText", path, limits.maxText, false) ??
    (family === "nova-canvas" ? enumValue(params.style, NOVA_STYLES, `${path}/style`) : params.style === undefined ? undefined : malformed(`${path}: extraneous key [style] is not permitted`)) ??
    (taskType === "TEXT_IMAGE" && params.conditionImage !== undefined ? image(params.conditionImage, `${path}/conditionImage`) : undefined) ??
    enumValue(params.controlMode, ["CANNY_EDGE", "SEGMENTATION"], `${path}/controlMode`) ??
    number(params, "controlStrength", path, 0, 1, false) ??
    number(params, "similarityStrength", path, 0.2, 1, false) ??
    enumValue(params.outPaintingMode, ["DEFAULT", "PRECISE"], `${path}/outPaintingMode`) ??
    taskProblem(taskType as string, params, path, limits);
  return problem ?? configProblem(family, body.imageGenerationConfig) ?? (moderated(params) ? BLOCKED_PROMPT : undefined);
}

function taskProblem(taskType: string, params: Body, path: string, limits: Limits): string | undefined {
  switch (taskType) {
    case "COLOR_GUIDED_GENERATION": {
      const colors = params.colors;
      if (!Array.isArray(colors)) return malformed(colors === undefined ? `${path}: required key [colors] not found` : `${path}/colors: expected type: JSONArray, found: ${jsonType(colors)}`);
      if (colors.length < 1 || colors.length > 10) return malformed(`${path}/colors: expected ${colors.length < 1 ? "minimum item count: 1" : "maximum item count: 10"}, found: ${colors.length}`);
      const bad = colors.findIndex((c) => typeof c !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(c));
      if (bad >= 0) return malformed(`${path}/colors/${bad}: string [${String(colors[bad]).slice(0, 40)}] does not match pattern ^#[0-9A-Fa-f]{6}$`);
      return params.referenceImage === undefined ? undefined : image(params.referenceImage, `${path}/referenceImage`);
    }
    case "IMAGE_VARIATION": {
      const images = params.images;
      if (!Array.isArray(images)) return malformed(images === undefined ? `${path}: required key [images] not found` : `${path}/images: expected type: JSONArray, found: ${jsonType(images)}`);
      const max = limits.tasks.includes("BACKGROUND_REMOVAL") ? 5 : 1;
      if (images.length < 1 || images.length > max) return malformed(`${path}/images: expected ${images.length < 1 ? "minimum item count: 1" : `maximum item count: ${max}`}, found: ${images.length}`);
      for (const [i, item] of images.entries()) {
        const bad = image(item, `${path}/images/${i}`);
        if (bad) return bad;
      }
      return undefined;
    }
    case "INPAINTING":
    case "OUTPAINTING": {
      if (params.image === undefined) return malformed(`${path}: required key [image] not found`);
      const bad = image(params.image, `${path}/image`);
      if (bad) return bad;
      const masks = [params.maskPrompt !== undefined, params.maskImage !== undefined].filter(Boolean).length;
      if (masks === 0) return malformed(`${path}: required key [maskPrompt] or [maskImage] not found`);
      if (masks === 2) return malformed(`${path}: maskPrompt and maskImage are mutually exclusive`);
      if (params.maskImage !== undefined) return image(params.maskImage, `${path}/maskImage`);
      return text(params, "maskPrompt", path, limits.maxText, true);
    }
    case "BACKGROUND_REMOVAL":
      return params.image === undefined ? malformed(`${path}: required key [image] not found`) : image(params.image, `${path}/image`);
    default:
      return undefined;
  }
}

const moderated = (params: Body): boolean => typeof params.text === "string" && params.text.includes(MODERATION_TRIGGER);

// Without a size, 1024 × 1024 (Nova Canvas's documented default; Titan's is not stated in a form the
// emulator could check, and AWS's Titan examples use that size too).
const DEFAULT_SIZE = 1024;

/**
 * The answer to a body `imageBodyProblem` passed: `numberOfImages` PNGs of the requested size (an
 * edit keeps its source image's size), each a gradient whose colours come from the prompt, seed and
 * index, so the same request always gets the same images and different ones differ; fewer, with
 * `error` set, when the prompt holds an output-filter trigger.
 */
export async function answerImages(family: ImageFamily, body: Body): Promise<{ images: string[]; error: string | null }> {
  const taskType = (body.taskType as string | undefined) ?? "TEXT_IMAGE";
  const params = body[PARAMS[taskType]!.key] as Body;
  const config = (body.imageGenerationConfig ?? {}) as { width?: number; height?: number; numberOfImages?: number; seed?: number };
  const source = [params.image, (params.images as unknown[] | undefined)?.[0]].find((v): v is string => typeof v === "string");
  const sourceSize = source === undefined ? undefined : pngSize(decodeBase64(source));
  const size = sourceSize ?? { width: config.width ?? DEFAULT_SIZE, height: config.height ?? DEFAULT_SIZE };
  const count = taskType === "BACKGROUND_REMOVAL" ? 1 : (config.numberOfImages ?? 1);
  const images: string[] = [];
  for (let i = 0; i < count; i++) {
    const digest = sha256(`${family} ${taskType} ${String(params.text ?? "")} ${String(params.negativeText ?? "")} ${config.seed ?? "default"} ${i}`);
    const png = await encodePng({
      ...size,
      from: [digest[0]!, digest[1]!, digest[2]!],
      to: [digest[3]!, digest[4]!, digest[5]!],
      alpha: taskType === "BACKGROUND_REMOVAL",
    });
    images.push(encodeBase64(png));
  }
  const text = String(params.text ?? "");
  // "Some" keeps the first half (rounded down): with one image asked, that is all of them blocked.
  const kept = text.includes(OUTPUT_BLOCK_TRIGGER) ? 0 : text.includes(SOME_BLOCKED_TRIGGER) ? Math.floor(count / 2) : count;
  if (kept === count) return { images, error: null };
  return { images: images.slice(0, kept), error: kept === 0 ? ALL_IMAGES_BLOCKED : SOME_IMAGES_BLOCKED };
}
