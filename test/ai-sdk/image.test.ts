// The AI SDK image model: `ai`'s generateImage through our provider and @ai-sdk/amazon-bedrock's, against the emulator, send the same bodies.
import { createAmazonBedrock as createTheirs } from "@ai-sdk/amazon-bedrock";
import { APICallError, generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { createAmazonBedrock as createOurs } from "../../src/ai-sdk/index.js";
import { aiSdkImageBody } from "../../src/ai-sdk/image-model.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { ALL_IMAGES_BLOCKED, MODERATION_TRIGGER, OUTPUT_BLOCK_TRIGGER, SOME_BLOCKED_TRIGGER, SOME_IMAGES_BLOCKED } from "../../src/testing/model/image-models.js";
import { encodePng } from "../../src/testing/model/png.js";

function setup(side: "ours" | "theirs") {
  const emulator = createBedrockEmulator();
  // A capturing fetch: each request body's exact text, before the emulator parses it.
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push(await request.clone().text());
    return emulator.asFetch(request);
  };
  const settings = { region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch };
  const provider = side === "ours" ? createOurs({ ...settings, maxRetries: 0 }) : createTheirs(settings);
  return { provider, emulator, sent };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const source = async () => encodePng({ width: 64, height: 64, from: [0, 0, 0], to: [90, 90, 90] });

type Call = Parameters<typeof generateImage>[0];
const CASES: Array<[string, string, (model: Call["model"]) => Promise<Call>]> = [
  ["text to image, size, seed, negativeText, quality, cfgScale, style", "amazon.nova-canvas-v1:0", async (model) => ({
    model, prompt: "a lighthouse at dusk", size: "512x320", seed: 42, n: 2,
    providerOptions: { bedrock: { negativeText: "fog", quality: "premium", cfgScale: 7, style: "PHOTOREALISM" } },
  })],
  ["Titan v2, three images one call each", "amazon.titan-image-generator-v2:0", async (model) => ({ model, prompt: "a red bicycle", size: "768x768", n: 3 })],
  ["inpainting from a maskPrompt", "amazon.nova-canvas-v1:0", async (model) => ({
    model, prompt: { images: [await source()], text: "a straw hat" }, providerOptions: { bedrock: { maskPrompt: "the head" } },
  })],
  ["inpainting from a mask image", "amazon.nova-canvas-v1:0", async (model) => ({
    model, prompt: { images: [await source()], text: "a straw hat", mask: await source() },
  })],
  ["outpainting", "amazon.nova-canvas-v1:0", async (model) => ({
    model, prompt: { images: [await source()], text: "a beach" }, providerOptions: { bedrock: { taskType: "OUTPAINTING", maskPrompt: "the dog", outPaintingMode: "PRECISE" } },
  })],
  ["image variation", "amazon.titan-image-generator-v2:0", async (model) => ({
    model, prompt: { images: [await source(), await source()], text: "watercolour" }, providerOptions: { bedrock: { similarityStrength: 0.5 } },
  })],
  ["background removal", "amazon.nova-canvas-v1:0", async (model) => ({
    model, prompt: { images: [await source()] }, providerOptions: { bedrock: { taskType: "BACKGROUND_REMOVAL" } },
  })],
];

describe.each(CASES)("%s", (_, modelId, call) => {
  it("generateImage sends @ai-sdk/amazon-bedrock's bodies and gets the same images", async () => {
    const runs = await Promise.all(
      (["theirs", "ours"] as const).map(async (side) => {
        const { provider, emulator, sent } = setup(side);
        const result = await generateImage({ ...(await call(provider.image(modelId))), maxRetries: 0 });
        const requests = emulator.requests.map((r) => ({ path: r.path, body: r.body, status: r.status }));
        // Sorted: `ai` splits a large `n` into calls that run concurrently.
        return { result, sent: sent.sort(), requests: requests.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
      }),
    );
    const [theirs, ours] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(ours.requests).toEqual(theirs.requests);
    // Byte for byte, key order included, not only the same JSON.
    expect(ours.sent).toEqual(theirs.sent);
    expect(ours.requests.every((r) => r.status === 200)).toBe(true);
    expect(ours.result.images.map((i) => i.base64)).toEqual(theirs.result.images.map((i) => i.base64));
    for (const image of ours.result.images) {
      expect([...image.uint8Array.subarray(0, 4)]).toEqual(PNG_SIGNATURE);
      expect(image.mediaType).toBe("image/png");
    }
    expect(ours.result.warnings).toEqual(theirs.result.warnings);
  });
});

describe("our image model", () => {
  it("n beyond maxImagesPerCall: `ai` splits the calls (Nova Canvas 5 a call, Titan 1)", async () => {
    const { provider, emulator } = setup("ours");
    const { images } = await generateImage({ model: provider.image("amazon.nova-canvas-v1:0"), prompt: "a kite", size: "320x320", n: 7 });
    expect(images).toHaveLength(7);
    expect(emulator.requests.map((r) => (r.body as { imageGenerationConfig: { numberOfImages: number } }).imageGenerationConfig.numberOfImages).sort()).toEqual([2, 5]);
  });

  it("aspectRatio is a warning, as the peer's; seed 0 is sent (the peer drops it)", () => {
    const { body, warnings } = aiSdkImageBody({ prompt: "x", n: 1, size: undefined, aspectRatio: "16:9", seed: 0, files: undefined, mask: undefined }, {});
    expect(warnings).toEqual([{ type: "unsupported", feature: "aspectRatio", details: "This model does not support aspect ratio. Use `size` instead." }]);
    expect(body).toEqual({ taskType: "TEXT_IMAGE", textToImageParams: { text: "x" }, imageGenerationConfig: { seed: 0, numberOfImages: 1 } });
  });

  it("a URL image or an unknown taskType is refused before any request", async () => {
    const { provider, emulator } = setup("ours");
    const model = provider.image("amazon.nova-canvas-v1:0");
    const base = { prompt: "x", n: 1, size: undefined, aspectRatio: undefined, seed: undefined, mask: undefined, providerOptions: {} };
    await expect(model.doGenerate({ ...base, files: [{ type: "url", url: "https://example.com/a.png" }] })).rejects.toBeInstanceOf(BedrockInputError);
    const file = { type: "file", mediaType: "image/png", data: "AAAA" } as const;
    await expect(model.doGenerate({ ...base, files: [file], providerOptions: { bedrock: { taskType: "SKETCH" } } })).rejects.toBeInstanceOf(BedrockInputError);
    // TEXT_IMAGE with files, as the peer refuses it; an Object.prototype name finds no task.
    for (const taskType of ["TEXT_IMAGE", "toString"]) {
      await expect(model.doGenerate({ ...base, files: [file], providerOptions: { bedrock: { taskType } } })).rejects.toThrow(/unsupported providerOptions\.bedrock\.taskType/);
    }
    await expect(model.doGenerate({ ...base, files: undefined, providerOptions: { bedrock: "premium" as never } })).rejects.toThrow("providerOptions.bedrock must be an object");
    expect(emulator.requests).toHaveLength(0);
  });

  it("Bedrock's refusals arrive as APICallErrors without credentials in them", async () => {
    const { provider } = setup("ours");
    const model = provider.image("amazon.nova-canvas-v1:0");
    const blocked = await generateImage({ model, prompt: `a cat ${MODERATION_TRIGGER}`, maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(blocked)).toBe(true);
    expect((blocked as APICallError).statusCode).toBe(400);
    expect((blocked as Error).message).toContain("content filters");
    const tooMany = await generateImage({ model, prompt: "a cat", size: "1000x1000", maxRetries: 0 }).catch((e: unknown) => e);
    expect((tooMany as Error).message).toContain("multiple of 16");
    for (const error of [blocked, tooMany]) expect(JSON.stringify(error) + String(error)).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });

  it("Bedrock's output filter: some images withheld is a warning (the peer says nothing), all withheld an APICallError", async () => {
    const { provider } = setup("ours");
    const model = provider.image("amazon.nova-canvas-v1:0");
    const some = await generateImage({ model, prompt: `a cat ${SOME_BLOCKED_TRIGGER}`, size: "320x320", n: 4, maxRetries: 0 });
    expect(some.images).toHaveLength(2);
    expect(some.warnings).toEqual([{ type: "other", message: SOME_IMAGES_BLOCKED }]);
    const all = await generateImage({ model, prompt: `a cat ${OUTPUT_BLOCK_TRIGGER}`, size: "320x320", n: 2, maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(all)).toBe(true);
    expect((all as APICallError).isRetryable).toBe(false);
    expect((all as Error).message).toBe(`Amazon Bedrock returned no images. ${ALL_IMAGES_BLOCKED}`);
  });

  it("a moderated answer or one without images throws, not retryable", async () => {
    for (const [answer, text] of [
      [{ status: "Request Moderated", details: { "Moderation Reasons": ["Derivative Works"] } }, "moderated: Derivative Works"],
      [{ images: [] }, "returned no images"],
      // Bedrock's `error` member, its words kept short and printable.
      [{ images: [], error: "Blocked by\u0007 our content filters.\n" + "x".repeat(300) }, "returned no images. Blocked by our content filters."],
      [{ images: null, error: null, status: "Failed" }, "returned no images. Failed"],
    ] as const) {
      const emulator = createBedrockEmulator();
      emulator.script({ invoke: answer });
      const provider = createOurs({ region: "us-east-1", ...EMULATOR_CREDENTIALS, fetch: emulator.asFetch });
      const error = await generateImage({ model: provider.image("amazon.nova-canvas-v1:0"), prompt: "x", maxRetries: 0 }).catch((e: unknown) => e);
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).isRetryable).toBe(false);
      expect((error as Error).message).toContain(text);
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });
});
