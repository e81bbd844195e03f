// SSE framing: formatSSE output, and SSEParser against the HTML standard's parsing rules at every split.
import { describe, expect, it } from "vitest";
import { SSEParser, formatSSE, formatSSEComment, type SSEMessage } from "../../../src/chat/sse/sse-frame.js";

/** Parses `text` fed in the given pieces, and reports whether a message was left unfinished. */
function parse(pieces: string[]): { messages: SSEMessage[]; pending: boolean } {
  const parser = new SSEParser();
  const messages = pieces.flatMap((piece) => parser.push(piece));
  return { messages, pending: parser.end().pending };
}

/** Every way of cutting `text` in two, plus one character at a time. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

describe("formatSSE", () => {
  it.each<[string, SSEMessage, string]>([
    ["data only", { data: "hi" }, "data: hi\n\n"],
    ["event and JSON data", { event: "delta", data: '{"text":"Hi"}' }, 'event: delta\ndata: {"text":"Hi"}\n\n'],
    ["LF in data", { data: "a\nb" }, "data: a\ndata: b\n\n"],
    ["CRLF and CR in data", { data: "a\r\nb\rc" }, "data: a\ndata: b\ndata: c\n\n"],
    ["trailing newline", { data: "a\n" }, "data: a\ndata: \n\n"],
    ["empty data", { data: "" }, "data: \n\n"],
    ["id and retry", { event: "x", id: "7", retry: 1500, data: "d" }, "event: x\nid: 7\nretry: 1500\ndata: d\n\n"],
    ["leading space kept", { data: " a" }, "data:  a\n\n"],
  ])("%s", (_name, message, expected) => {
    expect(formatSSE(message)).toBe(expected);
  });

  it.each<[string, SSEMessage]>([
    ["newline in event", { event: "a\nb", data: "" }],
    ["CR in id", { id: "1\r", data: "" }],
    ["negative retry", { retry: -1, data: "" }],
    ["fractional retry", { retry: 1.5, data: "" }],
  ])("refuses %s", (_name, message) => {
    expect(() => formatSSE(message)).toThrow(TypeError);
  });

  it("writes comments the parser ignores", () => {
    expect(formatSSEComment("keep-alive")).toBe(": keep-alive\n\n");
    expect(parse([formatSSEComment("a\nb") + formatSSE({ data: "x" })]).messages).toEqual([{ data: "x" }]);
  });

  it.each<SSEMessage>([
    { data: "plain" },
    { event: "delta", data: '{"text":"J\'adore la programmation."}' },
    { event: "multi", data: "line 1\nline 2\n\nline 4" },
    { data: "  two leading spaces" },
    { data: "colon: inside" },
    { data: "unicode é 🚀 中文" },
  ])("round-trips %j through the parser at every split", (message) => {
    for (const pieces of splits(formatSSE(message))) {
      expect(parse(pieces)).toEqual({ messages: [message], pending: false });
    }
  });
});

describe("SSEParser", () => {
  it.each<[string, string, SSEMessage[]]>([
    ["LF lines", "event: a\ndata: 1\n\n", [{ event: "a", data: "1" }]],
    ["CRLF lines", "event: a\r\ndata: 1\r\n\r\n", [{ event: "a", data: "1" }]],
    ["CR lines", "event: a\rdata: 1\r\r", [{ event: "a", data: "1" }]],
    ["mixed line ends", "data: 1\r\ndata: 2\rdata: 3\n\r\n", [{ data: "1\n2\n3" }]],
    ["multi-line data", "data: a\ndata: b\ndata:\ndata: d\n\n", [{ data: "a\nb\n\nd" }]],
    ["no space after colon", "event:x\ndata:y\n\n", [{ event: "x", data: "y" }]],
    ["only one leading space dropped", "data:  y\n\n", [{ data: " y" }]],
    ["field without colon", "data\n\n", [{ data: "" }]],
    ["comments ignored", ": hello\ndata: a\n: mid\ndata: b\n\n", [{ data: "a\nb" }]],
    ["comment-only block dispatches nothing", ": ping\n\n", []],
    ["event without data dispatches nothing", "event: lonely\n\ndata: x\n\n", [{ data: "x" }]],
    ["event name reset after dispatch", "event: a\ndata: 1\n\ndata: 2\n\n", [{ event: "a", data: "1" }, { data: "2" }]],
    ["empty event name is the default", "event:\ndata: 1\n\n", [{ data: "1" }]],
    ["unknown fields ignored", "foo: bar\ndata: 1\n\n", [{ data: "1" }]],
    ["id persists to later messages", "id: 5\ndata: a\n\ndata: b\n\n", [{ id: "5", data: "a" }, { id: "5", data: "b" }]],
    ["id with NUL ignored", "id: a\0b\ndata: x\n\n", [{ data: "x" }]],
    ["retry needs digits", "retry: 10x\ndata: a\n\nretry: 20\ndata: b\n\n", [{ data: "a" }, { retry: 20, data: "b" }]],
    ["several messages", "data: 1\n\ndata: 2\n\ndata: 3\n\n", [{ data: "1" }, { data: "2" }, { data: "3" }]],
    ["blank lines between messages", "\n\n\ndata: 1\n\n\n\n", [{ data: "1" }]],
  ])("%s", (_name, text, expected) => {
    for (const pieces of splits(text)) expect(parse(pieces).messages).toEqual(expected);
  });

  it.each<[string, string]>([
    ["no line end at all", "data: half"],
    ["a line end but no blank line", "data: half\n"],
    ["event but no dispatch", "event: x\n"],
  ])("drops an unfinished message at the end and says so (%s)", (_name, text) => {
    expect(parse([text])).toEqual({ messages: [], pending: true });
  });

  it("does not count a CR at a chunk end twice when LF starts the next chunk", () => {
    expect(parse(["data: a\r", "\ndata: b\r", "\n\r", "\n"]).messages).toEqual([{ data: "a\nb" }]);
  });

  it("treats a CR at a chunk end followed by other text as a line end", () => {
    expect(parse(["data: a\r", "data: b\r", "\r"]).messages).toEqual([{ data: "a\nb" }]);
  });

  it("ignores empty pushes between a CR and its LF", () => {
    expect(parse(["data: a\r", "", "\n", "\n"])).toEqual({ messages: [{ data: "a" }], pending: false });
  });
});
