// The emulator's deterministic model: translation, echo, tool calls, reasoning, structured output, cache, guardrail.
//
// It answers with a `ModelTurn` (assistant content, stop reason, usage, trace); `turn-events.ts`
// turns that into ConverseStream events or a Converse response. Pass your own as the emulator's
// `model` option. Every rule is listed on `createBuiltInModel` and in docs/testing.md.
import { DEFAULT_CACHE_MIN_TOKENS, PromptCache, checkPoints } from "./cache.js";
import { argumentsFromText, defaultFor, formatJson } from "./args.js";
import { DEFAULT_BLOCKED_MESSAGE, DEFAULT_BLOCKED_WORDS, blockedTrace, findBlockedWords, guardedText, passedTrace, traceEnabled } from "./guardrail.js";
import {
  DEFAULT_SIGNING_SECRET,
  DEFAULT_UNSIGNED_REASONING,
  checkReplayedReasoning,
  checkThinkingSettings,
  reasoningBlock,
  reasoningMode,
} from "./reasoning.js";
import { applyLimits, builtInReply, latencyFor, reasoningText, translationOf, type ReplyKind } from "./reply.js";
import { blocksText, lastUserContent, outputSchemaOf, toolChoiceOf } from "./request.js";
import { planToolCalls, toolUseBlocks } from "./tools.js";
import { countInputTokens, estimateTokens } from "./token-count.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

export { applyLimits, builtInReply, latencyFor, TRANSLATIONS } from "./reply.js";

export interface TokenUsageJson {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  cacheDetails?: Array<{ ttl: string; inputTokens: number }>;
}

/** One assistant turn, before it is encoded as a stream or a Converse response. */
export interface ModelTurn {
  /** Assistant content blocks in Converse JSON shape (`{ text }`, `{ toolUse }`, `{ reasoningContent }`). */
  content: JsonObject[];
  stopReason: string;
  usage: TokenUsageJson;
  latencyMs: number;
  additionalModelResponseFields?: JsonObject;
  /** `trace` of the response (stream: of the metadata event), e.g. `{ guardrail: {...} }`. */
  trace?: JsonObject;
}

export interface ModelContext {
  modelId: string;
  operation: "converse" | "converse-stream";
}

/** A model the emulator can run: from a validated Converse body to one assistant turn. Throw EmulatorError to refuse. */
export type EmulatorModel = (request: JsonObject, context: ModelContext) => ModelTurn | Promise<ModelTurn>;

export interface BuiltInModelOptions {
  /** Clock in epoch ms for cache expiry (the emulator passes its own). Default Date.now. */
  now?: () => number;
  /** Smallest prefix, in tokens by the emulator's rule, that a cache point caches. Default 1024. */
  cacheMinTokens?: number | ((modelId: string) => number);
  /** Words the guardrail blocks (whole words, case-insensitive). Default ["BLOCKED", "forbidden"]. */
  blockedWords?: readonly string[];
  /** The guardrail's reply when it blocks. Default "Sorry, the model cannot answer this question." */
  blockedMessage?: string;
  /** Key of the reasoning signatures' HMAC. Default: one fixed key, so signatures replay across emulators. */
  signingSecret?: string;
  /** Models that always reason and never sign (default: IDs containing "deepseek" or "gpt-oss"). */
  unsignedReasoning?: (modelId: string) => boolean;
}

interface Answer {
  blocks: JsonObject[];
  stopReason: string;
  kind: ReplyKind;
}

function answer(request: JsonObject, text: string): Answer {
  const content = lastUserContent(request);
  const forced = toolChoiceOf(request).kind !== "auto";
  const answersTools = content.some((block) => isObject(block.toolResult));
  const calls = answersTools && !forced ? [] : planToolCalls(request, text);
  if (calls.length > 0) {
    return { blocks: toolUseBlocks(request, calls, text), stopReason: "tool_use", kind: { kind: "tools", names: calls.map((c) => c.tool.name) } };
  }
  const schema = answersTools ? undefined : outputSchemaOf(request);
  const reply = schema
    ? formatJson(isObject(schema.properties) || schema.type === "object" ? argumentsFromText(schema, text, text) : defaultFor(schema))
    : builtInReply(request);
  const limited = applyLimits(reply, request.inferenceConfig);
  const kind: ReplyKind = answersTools ? { kind: "results" } : schema ? { kind: "json" } : { kind: "text", translated: translationOf(text) !== undefined };
  return { blocks: [{ text: limited.text }], stopReason: limited.stopReason, kind };
}

/** Output text of a block, for output tokens and latency. */
function outputText(block: JsonObject): string {
  if (typeof block.text === "string") return block.text;
  if (isObject(block.toolUse)) return JSON.stringify(block.toolUse.input ?? {});
  const reasoning = isObject(block.reasoningContent) ? block.reasoningContent.reasoningText : undefined;
  return isObject(reasoning) ? String(reasoning.text ?? "") : "";
}

/**
 * Creates the deterministic model (the emulator makes one per instance, with its clock). Rules:
 *
 * - **Text.** The last user turn's text (text and guardContent blocks, joined by newlines):
 *   "I love programming." → "J'adore la programmation."; anything else → "You said: <text>".
 *   Images, documents, videos and audio in that turn add "I see 1 image and 1 document (name).".
 *   `stopSequences` cut the reply (stopReason "stop_sequence"); `maxTokens` cuts it at
 *   maxTokens × 4 characters ("max_tokens").
 * - **Tools.** With tools bound, a tool the text names (case-insensitive whole words; `_`/`-` may be
 *   spaces, camelCase may be split) is called: one toolUse per named tool, in order of mention,
 *   stopReason "tool_use". `toolChoice.tool` forces that tool. When none is named, the tool a
 *   system sentence with "always"/"must" and "call"/"use" demands, else the tool whose name and
 *   description words best fit the text (`infer-tool.ts`), is called, its arguments read from the
 *   text's numbers, names and enum words (`infer-args.ts`); failing that `toolChoice.any` forces the
 *   first tool. Named and forced calls follow `argumentsFromText` (`prop=value` / `prop: value`
 *   pairs coerced to the schema; a lone string property takes the text after the tool's name, or
 *   the whole text; required properties default to "", 0, false, …). IDs are `tooluse_` + 22
 *   URL-safe characters hashed from the conversation.
 * - **Tool results.** A last user turn holding toolResult blocks gets "Tool <name> returned: <text
 *   or JSON>" per result ("failed" for status "error"), stopReason "end_turn" — unless a tool is forced.
 * - **Structured output.** `outputConfig.textFormat` JSON schema → the reply is JSON filled by the
 *   same argument rule (the whole text feeds a lone string property), written with spaces.
 * - **Reasoning.** On with `additionalModelRequestFields.thinking` (`enabled` or `adaptive`),
 *   `reasoning_config` or `reasoningConfig` (`type: "enabled"`): a reasoningContent block comes first,
 *   "The user wrote "<text>". I should …", signed with base64 HMAC-SHA-256 (`reasoningSignature`).
 *   Refused as Bedrock does: budget_tokens < 1024 or ≥ maxTokens, a forced toolChoice, temperature ≠ 1,
 *   a replayed reasoning block without signature (always) or with a wrong one (while thinking is on),
 *   and an assistant turn whose tool calls are being answered that does not start with its reasoning.
 *   DeepSeek / gpt-oss IDs always reason, unsigned, and refuse replayed reasoning.
 * - **Cache points.** See `model-cache.ts`: prefixes before cache points are written, then read, per
 *   emulator; `inputTokens` counts only the rest.
 * - **Guardrails.** See `model-guardrail.ts`: a blocked word → the blocked message, "guardrail_intervened".
 * - **Usage.** inputTokens by `countInputTokens` (minus cache), outputTokens by `estimateTokens` over
 *   reasoning text, reply text and tool input JSON; totalTokens = input + output + cache read + write.
 *   latencyMs = 100 + 10 per output word.
 *
 * @example
 * const emulator = createBedrockEmulator({ builtInModel: { cacheMinTokens: 0, blockedWords: ["secret"] } });
 */
export function createBuiltInModel(options: BuiltInModelOptions = {}): EmulatorModel {
  const minTokens = options.cacheMinTokens ?? DEFAULT_CACHE_MIN_TOKENS;
  const cache = new PromptCache(options.now ?? (() => Date.now()), typeof minTokens === "function" ? minTokens : () => minTokens);
  const secret = options.signingSecret ?? DEFAULT_SIGNING_SECRET;
  const unsigned = options.unsignedReasoning ?? DEFAULT_UNSIGNED_REASONING;

  return (request, { modelId }) => {
    const mode = reasoningMode(request, modelId, unsigned);
    checkThinkingSettings(request, mode);
    checkReplayedReasoning(request, mode, secret);
    const points = checkPoints(request, modelId);
    const guardrail = isObject(request.guardrailConfig) ? request.guardrailConfig : undefined;
    const guarded = guardrail ? guardedText(request) : "";
    const blocked = guardrail ? findBlockedWords(guarded, options.blockedWords ?? DEFAULT_BLOCKED_WORDS) : [];
    if (guardrail && blocked.length > 0) {
      return {
        content: [{ text: options.blockedMessage ?? DEFAULT_BLOCKED_MESSAGE }],
        stopReason: "guardrail_intervened",
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        latencyMs: 100,
        ...(traceEnabled(guardrail) ? { trace: blockedTrace(guardrail, guarded, blocked) } : {}),
      };
    }

    const text = blocksText(lastUserContent(request));
    const reply = answer(request, text);
    const content = mode.on ? [reasoningBlock(reasoningText(text, reply.kind), mode, secret), ...reply.blocks] : reply.blocks;
    const spoken = content.map(outputText);
    const outputTokens = spoken.reduce((sum, piece) => sum + estimateTokens(piece), 0);
    const cached = cache.apply(points, modelId);
    const inputTokens = countInputTokens(request) - cached.read - cached.write;
    const usage: TokenUsageJson = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens + cached.read + cached.write };
    if (cached.used) {
      usage.cacheReadInputTokens = cached.read;
      usage.cacheWriteInputTokens = cached.write;
      if (cached.details.length > 0) usage.cacheDetails = cached.details;
    }
    const turn: ModelTurn = { content, stopReason: reply.stopReason, usage, latencyMs: latencyFor(spoken.join(" ")) };
    if (guardrail && traceEnabled(guardrail)) turn.trace = passedTrace(guardrail, guarded, spoken.filter((_, i) => content[i]!.text !== undefined).join("\n"));
    return turn;
  };
}

/**
 * A shared built-in model (its prompt cache is shared too, on the real clock); emulators make their own.
 *
 * @example
 * builtInModel({ messages: [{ role: "user", content: [{ text: "I love programming." }] }] }, ctx).content
 * // [{ text: "J'adore la programmation." }]
 */
export const builtInModel: EmulatorModel = /* @__PURE__ */ createBuiltInModel();
