// A deterministic emulator model for the chat end-to-end tests: tools, thinking with signatures,
// structured output, cache usage. Rules (all from the last user turn's text):
// - a bound tool whose name appears in a `;`-separated segment is called once per such segment,
//   with arguments from `key=value` pairs in that segment (numbers parsed), else drawn from its schema;
// - a forced tool choice (`tool`, `any`) calls that tool (the first for `any`) the same way;
// - "I love programming." is translated, other text echoed ("You said: …"), tool results listed ("Tool results: …");
// - thinking on: a reasoning block "Thinking about: <text>" signed "sig:<length>:<text length>" comes first;
// - stop sequences and maxTokens cut text replies as in the built-in model;
// - outputConfig.textFormat: the reply is JSON drawn from the schema, `key=value` pairs overriding;
// - cache points: a prefix seen before is read from the cache, a new one written, per TTL.
import { applyLimits, countInputTokens, estimateTokens, type EmulatorModel, type ModelTurn } from "../../../src/testing/index.js";

type Dict = Record<string, unknown>;
const isRecord = (value: unknown): value is Dict => typeof value === "object" && value !== null && !Array.isArray(value);

/** The signature the model gives a reasoning text, so a replay can be checked. */
export const signatureFor = (text: string): string => `sig:${text.length}:${[...text].reverse().join("").slice(0, 8)}`;

function lastUser(body: Dict): Dict[] {
  const messages = Array.isArray(body.messages) ? (body.messages as Dict[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === "user") return messages[i]!.content as Dict[];
  return [];
}

const textOf = (blocks: Dict[]): string =>
  blocks
    .map((b) => (typeof b.text === "string" ? b.text : isRecord(b.guardContent) && isRecord(b.guardContent.text) ? String(b.guardContent.text.text) : ""))
    .join(" ")
    .trim();

function pairs(text: string): Dict {
  const out: Dict = {};
  for (const [, key, raw] of text.matchAll(/(\w+)=("[^"]*"|[^\s;,]+)/g)) {
    const value = raw!.startsWith('"') ? raw!.slice(1, -1) : raw!;
    out[key!] = value !== "" && !Number.isNaN(Number(value)) ? Number(value) : value;
  }
  return out;
}

/** A value for a JSON Schema: strings are the property name, numbers 7, booleans true. */
export function sample(schema: unknown, name = "value"): unknown {
  if (!isRecord(schema)) return name;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "object" || isRecord(schema.properties)) {
    const props = isRecord(schema.properties) ? schema.properties : {};
    return Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, sample(sub, key)]));
  }
  if (type === "array") return [sample(schema.items, name)];
  if (type === "number" || type === "integer") return 7;
  if (type === "boolean") return true;
  return name;
}

interface ToolSpec {
  name: string;
  inputSchema: { json: unknown };
}

function toolSpecs(body: Dict): ToolSpec[] {
  const config = isRecord(body.toolConfig) ? body.toolConfig : undefined;
  const tools = Array.isArray(config?.tools) ? (config.tools as Dict[]) : [];
  return tools.flatMap((t) => (isRecord(t.toolSpec) ? [t.toolSpec as unknown as ToolSpec] : []));
}

function toolCalls(body: Dict, text: string): Dict[] {
  const specs = toolSpecs(body);
  if (specs.length === 0) return [];
  const choice = isRecord(body.toolConfig) && isRecord(body.toolConfig.toolChoice) ? body.toolConfig.toolChoice : {};
  const turn = Array.isArray(body.messages) ? body.messages.length : 0;
  let n = 0;
  // Ids depend on the conversation only, so invoke and stream of one request give the same calls.
  const call = (spec: ToolSpec, segment: string): Dict => ({
    toolUse: {
      toolUseId: `tooluse_${turn}_${n++}`,
      name: spec.name,
      input: { ...(sample(spec.inputSchema.json) as Dict), ...pairs(segment) },
    },
  });
  const named = text
    .split(";")
    .flatMap((segment) => specs.filter((s) => new RegExp(`\\b${s.name}\\b`).test(segment)).map((s) => call(s, segment)));
  if (named.length > 0) return named;
  if (isRecord(choice.tool)) return [call(specs.find((s) => s.name === (choice.tool as Dict).name)!, text)];
  if (isRecord(choice.any)) return [call(specs[0]!, text)];
  return [];
}

function reply(body: Dict): string {
  const format = isRecord(body.outputConfig) && isRecord(body.outputConfig.textFormat) ? body.outputConfig.textFormat : undefined;
  const structure = isRecord(format?.structure) && isRecord(format.structure.jsonSchema) ? format.structure.jsonSchema : undefined;
  const text = textOf(lastUser(body));
  if (structure) return JSON.stringify({ ...(sample(JSON.parse(String(structure.schema))) as Dict), ...pairs(text) });
  if (text === "I love programming.") return "J'adore la programmation.";
  if (text !== "") return `You said: ${text}`;
  const results = lastUser(body).flatMap((b) => (isRecord(b.toolResult) ? [b.toolResult] : []));
  return `Tool results: ${results.map((r) => (r.content as Dict[]).map((c) => c.text ?? JSON.stringify(c.json)).join(" ")).join(" | ")}`;
}

/** Usage with cache reads and writes: the longest prefix ending at a cache point seen before is read. */
function cacheUsage(body: Dict, cache: Set<string>): ModelTurn["usage"] {
  const total = countInputTokens(body);
  const prefix: Dict = {};
  const points: Array<{ key: string; tokens: number; ttl: string }> = [];
  const visit = (field: "toolConfig" | "system" | "messages") => {
    if (field === "toolConfig") {
      const tools = isRecord(body.toolConfig) && Array.isArray(body.toolConfig.tools) ? (body.toolConfig.tools as Dict[]) : [];
      tools.forEach((tool, i) => {
        if (!isRecord(tool.cachePoint)) return;
        prefix.toolConfig = { tools: tools.slice(0, i) };
        points.push({ key: JSON.stringify(prefix), tokens: countInputTokens(prefix), ttl: String(tool.cachePoint.ttl ?? "5m") });
      });
      prefix.toolConfig = body.toolConfig;
    } else if (field === "system") {
      const system = Array.isArray(body.system) ? (body.system as Dict[]) : [];
      system.forEach((block, i) => {
        if (!isRecord(block.cachePoint)) return;
        prefix.system = system.slice(0, i);
        points.push({ key: JSON.stringify(prefix), tokens: countInputTokens(prefix), ttl: String(block.cachePoint.ttl ?? "5m") });
      });
      prefix.system = body.system;
    } else {
      const messages = Array.isArray(body.messages) ? (body.messages as Dict[]) : [];
      messages.forEach((message, m) => {
        (message.content as Dict[]).forEach((block, i) => {
          if (!isRecord(block.cachePoint)) return;
          prefix.messages = [...messages.slice(0, m), { role: message.role, content: (message.content as Dict[]).slice(0, i) }];
          points.push({ key: JSON.stringify(prefix), tokens: countInputTokens(prefix), ttl: String(block.cachePoint.ttl ?? "5m") });
        });
      });
    }
  };
  visit("toolConfig");
  visit("system");
  visit("messages");
  if (points.length === 0) return { inputTokens: total, outputTokens: 0, totalTokens: 0 };
  const read = [...points].reverse().find((p) => cache.has(p.key))?.tokens ?? 0;
  const last = points[points.length - 1]!;
  const write = last.tokens - read;
  for (const p of points) cache.add(p.key);
  return {
    inputTokens: total - last.tokens,
    outputTokens: 0,
    totalTokens: 0,
    cacheReadInputTokens: read,
    cacheWriteInputTokens: write,
    ...(write > 0 && { cacheDetails: [{ ttl: last.ttl, inputTokens: write }] }),
  };
}

/** A fresh model with its own prompt cache. */
export function createTestModel(): EmulatorModel {
  const cache = new Set<string>();
  return (body) => {
    const content: Dict[] = [];
    const user = lastUser(body);
    const text = textOf(user);
    const fields = isRecord(body.additionalModelRequestFields) ? body.additionalModelRequestFields : {};
    if (isRecord(fields.thinking) && fields.thinking.type === "enabled") {
      const thought = `Thinking about: ${text || "the tool results"}`;
      content.push({ reasoningContent: { reasoningText: { text: thought, signature: signatureFor(thought) } } });
    }
    const answersTools = user.some((b) => isRecord(b.toolResult));
    const calls = answersTools ? [] : toolCalls(body, text);
    let stopReason = calls.length > 0 ? "tool_use" : "end_turn";
    if (calls.length === 0) {
      const limited = applyLimits(reply(body), body.inferenceConfig);
      content.push({ text: limited.text });
      stopReason = limited.stopReason;
    } else content.push(...calls);
    const usage = cacheUsage(body, cache);
    const outputTokens = content.reduce((sum, b) => sum + estimateTokens(JSON.stringify(b)), 0);
    usage.outputTokens = outputTokens;
    usage.totalTokens = usage.inputTokens + (usage.cacheReadInputTokens ?? 0) + (usage.cacheWriteInputTokens ?? 0) + outputTokens;
    return { content, stopReason, usage, latencyMs: 42 };
  };
}
