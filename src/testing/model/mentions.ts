// Where a text names a tool: the spellings of a tool name and the first whole-word mention of one.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Spellings of a tool name the text may use: as is, `_`/`-` as spaces, camelCase split into words. */
export function nameSpellings(name: string): string[] {
  const spaced = name.replace(/[_-]+/g, " ").trim();
  const words = spaced.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
  return [...new Set([name, spaced, words])];
}

/** First place (and matched length) where the text names the tool, case-insensitively, as a whole word. */
export function findMention(text: string, name: string): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  for (const spelling of nameSpellings(name)) {
    const match = new RegExp(`(?<![A-Za-z0-9_])${escape(spelling).replace(/ /g, "\\s+")}(?![A-Za-z0-9_])`, "i").exec(text);
    if (match && (!best || match.index < best.at)) best = { at: match.index, length: match[0].length };
  }
  return best;
}
