// Tool-use IDs rewritten to the 9-alphanumeric form Mistral models on Bedrock demand, the same way in toolUse and toolResult.
import type { ContentBlock, Message } from "../wire/index.js";

/**
 * Mistral on Bedrock refuses a history whose tool-use IDs are not 9 letters or digits: "The model
 * returned the following errors: Tool call id was a but must be a-z, A-Z, 0-9, with a length of 9."
 * (anomalyco/opencode PR #48843, reproduced live on Bedrock; vercel/ai #11802 with Bedrock's own
 * `tooluse_…` IDs, fixed by normalising in @ai-sdk/amazon-bedrock, PR #11863).
 */
export const MISTRAL_TOOL_ID = /^[a-zA-Z0-9]{9}$/;

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// FNV-1a over UTF-16 units, then one base-62 character per further mixing step: 9 characters
// that depend on the whole original (and on `salt`, which a collision bumps).
function hashId(text: string, salt: number): string {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let out = "";
  for (let i = 0; i < 9; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    out += ALNUM[(h >>> 0) % 62];
  }
  return out;
}

/**
 * `messages` with every tool-use ID that is not 9 alphanumerics replaced, the same original →
 * the same replacement in `toolUse` and `toolResult` blocks, distinct originals → distinct
 * replacements (never one already valid in the history). IDs already valid stay. Pure: changed
 * messages and blocks are copies. Returns how many distinct IDs were rewritten.
 * @example
 * normalizeToolUseIds([{ role: "assistant", content: [{ toolUse: { toolUseId: "a", name: "f", input: {} } }] }]).messages[0].content[0].toolUse.toolUseId; // 9 characters
 */
export function normalizeToolUseIds(messages: readonly Message[]): { messages: Message[]; rewritten: number } {
  const idOf = (block: ContentBlock): string | undefined => block.toolUse?.toolUseId ?? block.toolResult?.toolUseId;
  const taken = new Set<string>();
  for (const message of messages) for (const block of message.content ?? []) {
    const id = idOf(block);
    if (typeof id === "string" && MISTRAL_TOOL_ID.test(id)) taken.add(id);
  }
  const map = new Map<string, string>();
  // Called for invalid IDs only (the caller has checked).
  const replace = (id: string): string => {
    let next = map.get(id);
    if (next === undefined) {
      for (let salt = 0; next === undefined || taken.has(next); salt++) next = hashId(id, salt);
      taken.add(next);
      map.set(id, next);
    }
    return next;
  };
  const out = messages.map((message) => {
    let changed = false;
    const content = (message.content ?? []).map((block): ContentBlock => {
      const id = idOf(block);
      if (typeof id !== "string" || MISTRAL_TOOL_ID.test(id)) return block;
      changed = true;
      if (block.toolUse) return { ...block, toolUse: { ...block.toolUse, toolUseId: replace(id) } } as ContentBlock;
      return { ...block, toolResult: { ...block.toolResult!, toolUseId: replace(id) } } as ContentBlock;
    });
    return changed ? { ...message, content } : (message as Message);
  });
  return { messages: out, rewritten: map.size };
}
