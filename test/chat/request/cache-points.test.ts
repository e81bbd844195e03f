import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../../src/errors/index.js";
import { countCachePoints, placeCachePoints, type CacheableRequest } from "../../../src/chat/request/cache-points.js";
import type { Message, Tool } from "../../../src/chat/request/convert-wire-types.js";

const CP = { cachePoint: { type: "default" as const } };
const CP1H = { cachePoint: { type: "default" as const, ttl: "1h" as const } };
const tool: Tool = { toolSpec: { name: "f", description: "f", inputSchema: { json: { type: "object" } } } };
const user = (text: string): Message => ({ role: "user", content: [{ text }] });
const assistant = (text: string): Message => ({ role: "assistant", content: [{ text }] });
const conversation = [user("u1"), assistant("a1"), user("u2"), assistant("a2"), user("u3")];

// Where the points ended up, as short labels, for compact tables.
function spots(request: CacheableRequest): string[] {
  const out: string[] = [];
  request.system?.forEach((b, i) => "cachePoint" in b && out.push(`system[${i}]`));
  request.toolConfig?.tools.forEach((t, i) => "cachePoint" in t && out.push(`tools[${i}]`));
  request.messages?.forEach((m, mi) => m.content.forEach((b, i) => "cachePoint" in b && out.push(`messages[${mi}][${i}]`)));
  return out;
}

describe("placeCachePoints", () => {
  it.each<[string, CacheableRequest, Parameters<typeof placeCachePoints>[1], string[]]>([
    [
      "all four spots",
      { system: [{ text: "S" }], toolConfig: { tools: [tool] }, messages: conversation },
      {},
      ["system[1]", "tools[1]", "messages[2][1]", "messages[4][1]"],
    ],
    ["single turn, no system, no tools", { messages: [user("hi")] }, {}, ["messages[0][1]"]],
    [
      "system and last turn only",
      { system: [{ text: "S" }], messages: [user("hi")] },
      {},
      ["system[1]", "messages[0][1]"],
    ],
    [
      "hand-placed points count: two placed, two left (system and last turn win)",
      { system: [{ text: "S" }], toolConfig: { tools: [tool] }, messages: [{ role: "user", content: [{ text: "a" }, CP, { text: "b" }, CP] }, assistant("x"), user("c")] },
      {},
      ["system[1]", "messages[0][1]", "messages[0][3]", "messages[2][1]"],
    ],
    [
      "four hand-placed points: nothing added",
      { system: [{ text: "S" }, CP], toolConfig: { tools: [tool, CP] }, messages: [{ role: "user", content: [{ text: "a" }, CP, { text: "b" }, CP] }] },
      {},
      ["system[1]", "tools[1]", "messages[0][1]", "messages[0][3]"],
    ],
    [
      "a spot that already ends with a point is not doubled, and frees nothing",
      { system: [{ text: "S" }, CP], messages: conversation },
      {},
      ["system[1]", "messages[2][1]", "messages[4][1]"],
    ],
    [
      "where limits the spots",
      { system: [{ text: "S" }], toolConfig: { tools: [tool] }, messages: conversation },
      { where: ["tools", "lastTurn"] },
      ["tools[1]", "messages[4][1]"],
    ],
    [
      "the last user turn may be tool results",
      {
        messages: [
          user("q"),
          { role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "f", input: {} } }] },
          { role: "user", content: [{ toolResult: { toolUseId: "t", content: [{ text: "r" }], status: "success" } }] },
        ],
      },
      {},
      ["messages[0][1]", "messages[2][1]"],
    ],
    ["no messages at all", { system: [{ text: "S" }] }, {}, ["system[1]"]],
    ["empty tool list is left alone", { toolConfig: { tools: [] }, messages: [user("q")] }, {}, ["messages[0][1]"]],
  ])("%s", (_name, request, options, expected) => {
    const before = JSON.stringify(request);
    const out = placeCachePoints(request, options);
    expect(spots(out)).toEqual(expected);
    expect(countCachePoints(out)).toBeLessThanOrEqual(4);
    expect(JSON.stringify(request)).toBe(before);
  });

  it("applies the ttl to the points it places", () => {
    const out = placeCachePoints({ system: [{ text: "S" }], messages: [user("hi")] }, { ttl: "1h" });
    expect(out.system).toEqual([{ text: "S" }, CP1H]);
    expect(out.messages).toEqual([{ role: "user", content: [{ text: "hi" }, CP1H] }]);
  });

  it("keeps other request fields and toolChoice", () => {
    const request = { modelId: "m", toolConfig: { tools: [tool], toolChoice: { auto: {} } }, messages: [user("q")] };
    const out = placeCachePoints(request);
    expect(out.modelId).toBe("m");
    expect(out.toolConfig).toEqual({ tools: [tool, CP], toolChoice: { auto: {} } });
  });

  it("refuses an unknown ttl", () => {
    expect(() => placeCachePoints({ messages: [user("q")] }, { ttl: "2h" as never })).toThrow(BedrockInputError);
    expect(() => placeCachePoints({ messages: [user("q")] }, { ttl: "2h" as never })).toThrow(/cachePoints\.ttl/);
  });
});

describe("countCachePoints", () => {
  it.each<[string, CacheableRequest, number]>([
    ["empty", {}, 0],
    ["everywhere", { system: [CP], toolConfig: { tools: [CP] }, messages: [{ role: "user", content: [CP, { text: "x" }, CP] }] }, 4],
  ])("%s", (_n, request, expected) => {
    expect(countCachePoints(request)).toBe(expected);
  });
});
