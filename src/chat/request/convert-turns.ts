// Whole-conversation passes over Converse turns: merging, tool blocks as text, guarding, naming, trimming.
import { isBlankText } from "./convert-content.js";
import type { ContentBlock, Message, ToolResultBlock } from "./convert-wire-types.js";

const keyOf = (block: ContentBlock): string => Object.keys(block)[0]!;

/**
 * Joins consecutive turns of the same role (Bedrock wants user and assistant to alternate) and
 * drops empty turns first, so their neighbours can join. In a user turn, tool results move
 * ahead of other blocks, as Claude requires.
 */
export function mergeTurns(turns: readonly Message[]): Message[] {
  const out: Message[] = [];
  for (const turn of turns) {
    if (turn.content.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.role === turn.role) last.content = [...last.content, ...turn.content];
    else out.push({ role: turn.role, content: [...turn.content] });
  }
  for (const turn of out) if (turn.role === "user") turn.content = toolResultsFirst(turn.content);
  return out;
}

function toolResultsFirst(content: ContentBlock[]): ContentBlock[] {
  const firstOther = content.findIndex((b) => keyOf(b) !== "toolResult");
  const lateResult = content.findIndex((b, i) => i > firstOther && keyOf(b) === "toolResult");
  if (firstOther < 0 || lateResult < 0) return content;
  // Stable partition; a cache point keeps its place right after the tool result it followed.
  const results: ContentBlock[] = [];
  const others: ContentBlock[] = [];
  content.forEach((block, i) => {
    const prev = content[i - 1];
    const followsResult = keyOf(block) === "cachePoint" && prev !== undefined && keyOf(prev) === "toolResult";
    (keyOf(block) === "toolResult" || followsResult ? results : others).push(block);
  });
  return [...results, ...others];
}

/** True when any turn holds `toolUse` or `toolResult` blocks. */
export function hasToolBlocks(turns: readonly Message[]): boolean {
  return turns.some((t) => t.content.some((b) => "toolUse" in b || "toolResult" in b));
}

/** The warning for tool blocks sent as text (`what`: "rawBlocks" or "The conversation"). */
export const toolBlocksAsTextWarning = (what: string): string => `${what} hold tool calls or results but no tools are bound; they were sent as text (CH20)`;

/**
 * Rewrites `toolUse` / `toolResult` blocks as text, for requests that bind no tools: Bedrock
 * refuses tool blocks without a `toolConfig`. Images, documents and videos a tool returned stay
 * as blocks of the user turn.
 */
export function toolBlocksToText(turns: readonly Message[]): Message[] {
  return turns.map((turn) => ({
    role: turn.role,
    content: turn.content.flatMap((block): ContentBlock[] => {
      if ("toolUse" in block) {
        const { name, input } = block.toolUse;
        const hasInput = typeof input === "object" && input !== null && Object.keys(input).length > 0;
        return [{ text: hasInput ? `[Called ${name} with parameters: ${JSON.stringify(input)}]` : `[Called ${name}]` }];
      }
      if ("toolResult" in block) return toolResultAsBlocks(block.toolResult);
      return [block];
    }),
  }));
}

function toolResultAsBlocks(result: ToolResultBlock): ContentBlock[] {
  const parts: string[] = [];
  const media: ContentBlock[] = [];
  for (const item of result.content) {
    if ("text" in item) parts.push(item.text);
    else if ("json" in item) parts.push(JSON.stringify(item.json));
    else if ("image" in item || "document" in item || "video" in item) media.push(item as ContentBlock);
  }
  const label = result.status === "error" ? "Tool error" : "Tool output";
  const text = parts.join("\n");
  return [{ text: `[${label}: ${isBlankText(text) ? "(no text)" : text}]` }, ...media];
}

/**
 * Wraps the text of the last user turn that has text in `guardContent`, so a guardrail checks
 * only the newest input (the history was checked when it was new).
 */
export function guardLastUserText(turns: readonly Message[]): Message[] {
  const target = findLastIndex(turns, (t) => t.role === "user" && t.content.some((b) => "text" in b));
  if (target < 0) return [...turns];
  return turns.map((turn, i) =>
    i !== target
      ? turn
      : {
          role: turn.role,
          content: turn.content.map((b): ContentBlock => ("text" in b ? { guardContent: { text: { text: b.text } } } : b)),
        },
  );
}

/**
 * Gives documents that share a name (ignoring case) a " (2)", " (3)" suffix: Bedrock refuses
 * a request whose documents repeat a name ("Messages can't contain duplicate document names"),
 * across the whole history, which unnamed documents (all called "document") otherwise would.
 */
export function uniqueDocumentNames(turns: readonly Message[]): Message[] {
  const used = new Set<string>();
  const rename = (name: string): string => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
  const fix = <B extends object>(block: B): B => {
    if ("document" in block) {
      const doc = (block as { document: { name: string } }).document;
      const name = rename(doc.name);
      return name === doc.name ? block : ({ ...block, document: { ...doc, name } } as B);
    }
    if ("toolResult" in block) {
      const tr = (block as { toolResult: ToolResultBlock }).toolResult;
      return { ...block, toolResult: { ...tr, content: tr.content.map(fix) } } as B;
    }
    return block;
  };
  return turns.map((turn) => ({ role: turn.role, content: turn.content.map(fix) }));
}

/**
 * Trims trailing whitespace from a final assistant turn (a prefill): Bedrock refuses one that
 * ends in whitespace. A text block left blank is dropped, and the turn too if nothing remains.
 */
export function trimFinalAssistant(turns: readonly Message[]): Message[] {
  const last = turns[turns.length - 1];
  if (!last || last.role !== "assistant") return [...turns];
  const content = [...last.content];
  const tail = content[content.length - 1];
  if (tail && "text" in tail) {
    const text = tail.text.trimEnd();
    if (text === "") content.pop();
    else content[content.length - 1] = { text };
  }
  const rest = turns.slice(0, -1);
  return content.length === 0 ? rest : [...rest, { role: "assistant", content }];
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
