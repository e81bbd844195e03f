// convertFile / imageFormat: AI SDK media types → Converse blocks, one row per mapping, on the table the chat layer uses too.
import { describe, expect, it } from "vitest";
import { convertFile, imageFormat } from "../../src/ai-sdk/convert-file.js";
import { BedrockInputError } from "../../src/errors/index.js";

const bytes = new Uint8Array([1, 2, 3]);
const named = () => "document-1";

describe("convertFile", () => {
  // [mediaType, block kind, format]: the types @ai-sdk/amazon-bedrock maps, then aliases and parameters it refuses.
  const rows: Array<[string, string, string]> = [
    ["image/jpeg", "image", "jpeg"],
    ["image/png", "image", "png"],
    ["image/gif", "image", "gif"],
    ["image/webp", "image", "webp"],
    ["application/pdf", "document", "pdf"],
    ["text/csv", "document", "csv"],
    ["application/msword", "document", "doc"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document", "docx"],
    ["application/vnd.ms-excel", "document", "xls"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document", "xlsx"],
    ["text/html", "document", "html"],
    ["text/plain", "document", "txt"],
    ["text/markdown", "document", "md"],
    ["video/mp4", "video", "mp4"],
    ["video/quicktime", "video", "mov"],
    ["video/3gpp", "video", "three_gp"],
    ["video/webm", "video", "webm"],
    ["audio/mpeg", "audio", "mp3"],
    ["audio/mp4", "audio", "m4a"],
    ["audio/webm", "audio", "webm"],
    ["audio/x-wav", "audio", "wav"],
    // Aliases and spellings apps send, shared with the chat layer.
    ["image/jpg", "image", "jpeg"],
    ["image/pjpeg", "image", "jpeg"],
    ["IMAGE/PNG", "image", "png"],
    ["text/plain; charset=utf-8", "document", "txt"],
    ["text/x-markdown", "document", "md"],
    ["application/csv", "document", "csv"],
    ["audio/wave", "audio", "wav"],
    ["audio/x-aac", "audio", "aac"],
  ];
  it.each(rows)("%s → %s %s", (mediaType, kind, format) => {
    const block = convertFile({ data: bytes, mediaType, filename: "notes.v2.txt" }, "p", named) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(block)).toEqual([kind]);
    expect(block[kind]!.format).toBe(format);
    expect(block[kind]!.source).toEqual({ bytes });
    if (kind === "document") expect(block[kind]!.name).toBe("notes-v2");
  });

  it.each(["application/zip", "image/tiff", "video/avi", "text/rtf", "__proto__", "constructor/toString", ""])(
    "refuses %j with a BedrockInputError naming the field",
    (mediaType) => {
      expect(() => convertFile({ data: bytes, mediaType }, "prompt[0].content[1]", named)).toThrow(BedrockInputError);
      expect(() => convertFile({ data: bytes, mediaType }, "prompt[0].content[1]", named)).toThrow(/^prompt\[0\]\.content\[1\]\.mediaType is not a type Bedrock Converse accepts \(images: gif, jpeg, png, webp; documents: csv, doc, docx, html, md, pdf, txt, xls, xlsx; videos; audio\)$/);
    },
  );

  it("a type named by its subtype under the wrong top-level type is not taken for another kind", () => {
    // audio/webm is audio, never a webm video; video/mp4 is video, never mp4 audio.
    expect(Object.keys(convertFile({ data: bytes, mediaType: "audio/webm" }, "p", named))).toEqual(["audio"]);
    expect(Object.keys(convertFile({ data: bytes, mediaType: "video/mp4" }, "p", named))).toEqual(["video"]);
  });
});

describe("imageFormat (tool-result images)", () => {
  it.each([["image/png", "png"], ["image/jpg", "jpeg"], ["image/webp; q=1", "webp"]])("%s → %s", (mediaType, format) => {
    expect(imageFormat(mediaType, "p")).toBe(format);
  });
  it.each(["application/pdf", "video/webm", "image/tiff", "webp"])("refuses %s", (mediaType) => {
    expect(() => imageFormat(mediaType, "at")).toThrow(/^at\.mediaType must be an image type \(image\/gif, image\/jpeg, image\/png, image\/webp\)$/);
  });
});
