// The emulator's image models: valid PNGs of the asked size (checked byte by byte, inflated), deterministic, and Bedrock's refusals.
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/client/index.js";
import { ValidationException } from "../../src/errors/index.js";
import { crc32 } from "../../src/event-stream/crc32.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { ALL_IMAGES_BLOCKED, BLOCKED_PROMPT, imageBodyProblem, MODERATION_TRIGGER, OUTPUT_BLOCK_TRIGGER, SOME_BLOCKED_TRIGGER, SOME_IMAGES_BLOCKED } from "../../src/testing/model/image-models.js";
import { encodePng } from "../../src/testing/model/png.js";

const NOVA = "amazon.nova-canvas-v1:0";
const TITAN_V2 = "amazon.titan-image-generator-v2:0";
const TITAN_V1 = "amazon.titan-image-generator-v1";

/** Every chunk of a PNG, its CRC checked; the IHDR fields and the inflated pixel rows. */
function readPng(bytes: Uint8Array) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + length), `${type} CRC`).toBe(crc32(bytes, at + 4, at + 8 + length));
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
  const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
  const width = ihdr.getUint32(0);
  const height = ihdr.getUint32(4);
  const colourType = ihdr.getUint8(9);
  const raw = inflateSync(chunks[1]!.data);
  const channels = colourType === 6 ? 4 : 3;
  expect(ihdr.getUint8(8)).toBe(8);
  expect(raw.length).toBe(height * (1 + width * channels));
  for (let y = 0; y < height; y++) expect(raw[y * (1 + width * channels)]).toBe(0);
  return { width, height, colourType, raw };
}

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

function setup() {
  const emulator = createBedrockEmulator();
  const client = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, maxRetries: 0 });
  const invoke = async (modelId: string, body: object) => JSON.parse((await client.invokeModel({ modelId, body: body as Record<string, unknown> })).body.transformToString()) as { images: string[]; error: null };
  return { emulator, client, invoke };
}

describe("encodePng", () => {
  it("writes a valid RGB or RGBA PNG of the given size, a gradient between the two colours", async () => {
    const png = readPng(await encodePng({ width: 37, height: 5, from: [255, 0, 0], to: [0, 0, 255] }));
    expect([png.width, png.height, png.colourType]).toEqual([37, 5, 2]);
    expect([...png.raw.subarray(1, 4)]).toEqual([255, 0, 0]);
    const last = png.raw.length - 3;
    expect([...png.raw.subarray(last, last + 3)]).not.toEqual([255, 0, 0]);
    expect(readPng(await encodePng({ width: 4, height: 4, from: [1, 2, 3], to: [4, 5, 6], alpha: true })).colourType).toBe(6);
  });

  it("stays small at a large size: the gradient's bands compress", async () => {
    const bytes = await encodePng({ width: 2048, height: 2048, from: [10, 20, 30], to: [200, 100, 50] });
    expect(bytes.length).toBeLessThan(200_000);
    expect(readPng(bytes).width).toBe(2048);
  });
});

describe("InvokeModel on the image models", () => {
  it.each([
    [NOVA, { width: 512, height: 320 }],
    [TITAN_V2, { width: 768, height: 1152 }],
    [TITAN_V1, { width: 512, height: 512 }],
  ])("%s: TEXT_IMAGE answers numberOfImages PNGs of the asked size, the same each time for the same seed", async (modelId, size) => {
    const { invoke } = setup();
    const body = { taskType: "TEXT_IMAGE", textToImageParams: { text: "a lighthouse at dusk" }, imageGenerationConfig: { ...size, numberOfImages: 2, seed: 7 } };
    const first = await invoke(modelId, body);
    expect(first.images).toHaveLength(2);
    expect(first.error).toBeNull();
    for (const image of first.images) expect(readPng(decode(image))).toMatchObject(size);
    expect(first.images[0]).not.toBe(first.images[1]);
    expect((await invoke(modelId, body)).images).toEqual(first.images);
    const other = await invoke(modelId, { ...body, imageGenerationConfig: { ...size, numberOfImages: 2, seed: 8 } });
    expect(other.images[0]).not.toBe(first.images[0]);
  });

  it("1024 × 1024 by default; an edit keeps its source image's size; background removal answers RGBA", async () => {
    const { invoke } = setup();
    const one = await invoke(NOVA, { taskType: "TEXT_IMAGE", textToImageParams: { text: "a cat" } });
    expect(readPng(decode(one.images[0]!))).toMatchObject({ width: 1024, height: 1024 });
    const source = btoa(String.fromCharCode(...(await encodePng({ width: 64, height: 48, from: [0, 0, 0], to: [9, 9, 9] }))));
    const edited = await invoke(NOVA, { taskType: "INPAINTING", inPaintingParams: { image: source, text: "a hat", maskPrompt: "the head" } });
    expect(readPng(decode(edited.images[0]!))).toMatchObject({ width: 64, height: 48, colourType: 2 });
    const cut = await invoke(TITAN_V2, { taskType: "BACKGROUND_REMOVAL", backgroundRemovalParams: { image: source } });
    expect(readPng(decode(cut.images[0]!))).toMatchObject({ width: 64, height: 48, colourType: 6 });
  });

  it("the output filter: a 200 whose `error` says all or some images were withheld, as Bedrock answers", async () => {
    const { invoke } = setup();
    const ask = (prompt: string, numberOfImages: number, size = 512) => ({ taskType: "TEXT_IMAGE", textToImageParams: { text: prompt }, imageGenerationConfig: { width: size, height: size, numberOfImages } });
    expect(await invoke(NOVA, ask(`a cat ${OUTPUT_BLOCK_TRIGGER}`, 3, 320))).toEqual({ images: [], error: ALL_IMAGES_BLOCKED });
    const some = await invoke(TITAN_V2, ask(`a cat ${SOME_BLOCKED_TRIGGER}`, 5));
    expect(some).toMatchObject({ error: SOME_IMAGES_BLOCKED });
    expect(some.images).toHaveLength(2);
    for (const image of some.images) expect(readPng(decode(image))).toMatchObject({ width: 512, height: 512 });
    // With one image asked, "some" cannot be: it is all of them.
    expect(await invoke(NOVA, ask(`a cat ${SOME_BLOCKED_TRIGGER}`, 1, 320))).toEqual({ images: [], error: ALL_IMAGES_BLOCKED });
  });

  // Where each row's expectation comes from, so a wrong emulator cannot agree with itself:
  // - the limits: the Amazon Nova user guide (image-gen-req-resp-structure: text and negativeText
  //   1-1,024 characters, the styles; 320-4,096 in multiples of 16, 1:4 to 4:1, 4,194,304 pixels,
  //   1-5 images, cfgScale 1.1-10, seed 0-858,993,459) and the Bedrock user guide's Titan Image
  //   page (512 characters, the size list, the task table);
  // - the wording: Bedrock's JSON-schema refusals as captured answers print them ("#/…: expected
  //   maxLength: …, actual: …", "… is not a valid enum value" unquoted, "string [x] does not match
  //   pattern …"; see native-bodies.test.ts), and the content-filter sentence users quote.
  // The three size-rule messages are the emulator's own: no capture of Bedrock's was found.
  const text = (extra: object = {}, config: object = {}) => ({ taskType: "TEXT_IMAGE", textToImageParams: { text: "a cat", ...extra }, imageGenerationConfig: config });
  const malformed = (detail: string) => `Malformed input request: ${detail}, please reformat your input and try again.`;
  it.each<[string, string, unknown, string | undefined]>([
    ["a valid Nova body", NOVA, text({ style: "PHOTOREALISM" }, { width: 1024, height: 576, cfgScale: 6.5, quality: "premium" }), undefined],
    ["no text", NOVA, { taskType: "TEXT_IMAGE", textToImageParams: {} }, malformed("#/textToImageParams: required key [text] not found")],
    ["empty text", NOVA, text({ text: "" }), malformed("#/textToImageParams/text: expected minLength: 1, actual: 0")],
    ["Nova text over 1,024", NOVA, text({ text: "x".repeat(1025) }), malformed("#/textToImageParams/text: expected maxLength: 1024, actual: 1025")],
    ["Titan text over 512", TITAN_V2, text({ text: "x".repeat(513) }), malformed("#/textToImageParams/text: expected maxLength: 512, actual: 513")],
    ["an unknown task", NOVA, { taskType: "DRAW" }, malformed("#/taskType: DRAW is not a valid enum value")],
    ["colour guidance on Titan v1", TITAN_V1, { taskType: "COLOR_GUIDED_GENERATION" }, malformed("#/taskType: COLOR_GUIDED_GENERATION is not a valid enum value")],
    ["six images", NOVA, text({}, { numberOfImages: 6 }), malformed("#/imageGenerationConfig/numberOfImages: 6 is not less or equal to 5")],
    ["cfgScale under 1.1", NOVA, text({}, { cfgScale: 1 }), malformed("#/imageGenerationConfig/cfgScale: 1 is not greater or equal to 1.1")],
    ["Nova seed past its range", NOVA, text({}, { seed: 858_993_460 }), malformed("#/imageGenerationConfig/seed: 858993460 is not less or equal to 858993459")],
    ["Titan takes that seed", TITAN_V2, text({}, { seed: 858_993_460 }), undefined],
    ["an extra key", NOVA, text({}, { steps: 30 }), malformed("#/imageGenerationConfig: extraneous key [steps] is not permitted")],
    ["a style on Titan", TITAN_V2, text({ style: "PHOTOREALISM" }), malformed("#/textToImageParams: extraneous key [style] is not permitted")],
    ["Nova width not a multiple of 16", NOVA, text({}, { width: 1000, height: 1024 }), "The width and height must each be a multiple of 16."],
    ["Nova aspect past 4:1", NOVA, text({}, { width: 2048, height: 496 }), "The aspect ratio must be between 1:4 and 4:1."],
    ["Nova over 4,194,304 pixels", NOVA, text({}, { width: 4096, height: 1040 }), "The image must have at most 4,194,304 pixels."],
    ["a Titan size off its list", TITAN_V2, text({}, { width: 1024, height: 768 }), "1024x768 is not an output size this model supports."],
    ["width without height", NOVA, text({}, { width: 1024 }), "imageGenerationConfig needs both width and height, or neither."],
    ["inpainting without a mask", NOVA, { taskType: "INPAINTING", inPaintingParams: { image: "iVBORw0KGgo=" } }, malformed("#/inPaintingParams: required key [maskPrompt] or [maskImage] not found")],
    ["an image that is not base64", NOVA, { taskType: "BACKGROUND_REMOVAL", backgroundRemovalParams: { image: "data:image/png;base64,AAAA" } }, malformed("#/backgroundRemovalParams/image: the image is not valid base64")],
    ["eleven colours", NOVA, { taskType: "COLOR_GUIDED_GENERATION", colorGuidedGenerationParams: { text: "a cat", colors: Array(11).fill("#FF9800") } }, malformed("#/colorGuidedGenerationParams/colors: expected maximum item count: 10, found: 11")],
    ["a bad colour", TITAN_V2, { taskType: "COLOR_GUIDED_GENERATION", colorGuidedGenerationParams: { text: "a cat", colors: ["orange"] } }, malformed("#/colorGuidedGenerationParams/colors/0: string [orange] does not match pattern ^#[0-9A-Fa-f]{6}$")],
    ["two variation images on Titan v1", TITAN_V1, { taskType: "IMAGE_VARIATION", imageVariationParams: { images: ["AAAA", "AAAA"] } }, malformed("#/imageVariationParams/images: expected maximum item count: 1, found: 2")],
    ["a blocked prompt", NOVA, text({ text: `a cat ${MODERATION_TRIGGER}` }), BLOCKED_PROMPT],
  ])("%s", (_, modelId, body, expected) => {
    const family = modelId === NOVA ? "nova-canvas" : modelId === TITAN_V1 ? "titan-image-v1" : "titan-image-v2";
    expect(imageBodyProblem(family, body)).toBe(expected);
  });

  it("refuses through the client as a ValidationException; streaming and Converse on an image model are refused too", async () => {
    const { client, emulator } = setup();
    const error = await client.invokeModel({ modelId: NOVA, body: text({}, { numberOfImages: 9 }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    const stream = await client.invokeModelWithResponseStream({ modelId: NOVA, body: text() }).catch((e: unknown) => e);
    expect((stream as Error).message).toBe("The model is unsupported for streaming.");
    const converse = await client.converse({ modelId: TITAN_V2, messages: [{ role: "user", content: [{ text: "hi" }] }] }).catch((e: unknown) => e);
    expect(converse).toBeInstanceOf(ValidationException);
    expect(emulator.requests.map((r) => r.status)).toEqual([400, 400, 400]);
  });
});
