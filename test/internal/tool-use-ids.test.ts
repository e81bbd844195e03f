// normalizeToolUseIds: tool-use IDs → 9 letters or digits for Mistral, the same in calls and results, distinct, pure.
import { describe, expect, it } from "vitest";
import { MISTRAL_TOOL_ID, normalizeToolUseIds } from "../../src/internal/tool-use-ids.js";
import type { Message } from "../../src/wire/index.js";

const call = (id: string): Message => ({ role: "assistant", content: [{ toolUse: { toolUseId: id, name: "f", input: {} } }] });
const result = (...ids: string[]): Message => ({ role: "user", content: ids.map((id) => ({ toolResult: { toolUseId: id, content: [{ text: "ok" }] } })) });
const ids = (messages: Message[]) => messages.flatMap((m) => (m.content ?? []).map((b) => b.toolUse?.toolUseId ?? b.toolResult?.toolUseId));

describe("normalizeToolUseIds", () => {
  it.each([
    ["short IDs", ["a", "b"]],
    ["Bedrock's own", ["tooluse_bpe71yCfRu2b5i-nKGDr5g", "tooluse_YvliyMSPxtIa3KFrupoNyV"]],
    ["other providers' shapes", ["call_0fypS1hVX", "get_weather:0", "toolu_01A09q90qw90lq917835lq9"]],
    ["IDs sharing their first nine alphanumerics", ["abcdefghiX", "abcdefghiY"]],
    ["empty and non-ASCII", ["", "ツール"]],
  ])("%s: each becomes 9 letters or digits, distinct, the same in the call and its result", (_, originals) => {
    const history = [{ role: "user", content: [{ text: "q" }] } as Message, ...originals.map(call), result(...originals)];
    const { messages, rewritten } = normalizeToolUseIds(history);
    const out = ids(messages).filter((id): id is string => id !== undefined);
    const calls = out.slice(0, originals.length);
    expect(out.slice(originals.length)).toEqual(calls);
    for (const id of calls) expect(id).toMatch(MISTRAL_TOOL_ID);
    expect(new Set(calls).size).toBe(originals.length);
    expect(rewritten).toBe(originals.length);
  });

  it("valid IDs stay, and no rewritten ID takes one of theirs; the input is not changed", () => {
    const history = [call("abc123XYZ"), result("abc123XYZ"), call("x"), result("x")];
    const before = JSON.stringify(history);
    const { messages, rewritten } = normalizeToolUseIds(history);
    expect(ids(messages)[0]).toBe("abc123XYZ");
    expect(ids(messages)[2]).not.toBe("abc123XYZ");
    expect(messages[0]).toBe(history[0]); // untouched messages are not copied
    expect(rewritten).toBe(1);
    expect(JSON.stringify(history)).toBe(before);
  });

  it("is deterministic (each request of a conversation rewrites its history the same way) and keeps other blocks", () => {
    const history: Message[] = [
      { role: "assistant", content: [{ text: "Let me check." }, { toolUse: { toolUseId: "call-1", name: "f", input: { a: 1 } } }] },
      result("call-1"),
    ];
    const once = normalizeToolUseIds(history).messages;
    expect(normalizeToolUseIds(history).messages).toEqual(once);
    expect(once[0]!.content![0]).toEqual({ text: "Let me check." });
    expect(once[0]!.content![1]!.toolUse).toMatchObject({ name: "f", input: { a: 1 } });
  });

  it("a thousand distinct IDs stay distinct", () => {
    const originals = Array.from({ length: 1000 }, (_, i) => `tooluse_${i.toString(36).padStart(22, "0")}`);
    const out = ids(normalizeToolUseIds(originals.map(call)).messages);
    expect(new Set(out).size).toBe(1000);
  });
});
