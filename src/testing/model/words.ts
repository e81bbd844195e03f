// The built-in model's word rule: content words of a text, a light stem, and when two words match.
//
// Rule: words are runs of letters and digits (camelCase split, `_`/`-` separate), lower-cased;
// pure numbers and STOP_WORDS are dropped; the stem drops a trailing "'s", then "ies" → "y",
// a final "s" (not "ss"), "ing" or "ed" when at least three letters remain. Two words match
// when their stems are equal, or one stem starts with the other and the shorter has 4+ letters
// ("locat" ~ "location", "weather" ~ "weathers"; "add" does not match "addition").

/** Words that say nothing about which tool fits: English function words and generic request verbs. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the is are was were be been being am do does did done what whats who whom whose which when where why how " +
    "i me my mine you your yours we us our they them their he him his she her it its this that these those there here " +
    "of in on at to for from by with about into onto over under as than then so and or but nor not no yes if " +
    "can could would should will shall may might must please kindly ask tell show give get set make let find " +
    "use using call invoke run tool tools function functions like just some any all each every given " +
    "now right also very really much many more most lot thing things want need know"
  ).split(" "),
);

/** Lower-cased words of `text`, camelCase and snake_case split ("getCurrent_weather" → get, current, weather). */
export function wordsOf(text: string): string[] {
  const spaced = text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
  return (spaced.match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? []).map((word) => word.toLowerCase());
}

/** The light stem of a lower-cased word. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, "").replace(/['’]/g, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  return w;
}

/** Distinct stems of the words of `text` that are neither numbers nor stop words, in order of appearance. */
export function contentWords(text: string): string[] {
  const words = wordsOf(text).filter((word) => !/^\p{N}+$/u.test(word) && !STOP_WORDS.has(word.replace(/['’]/g, "")));
  return [...new Set(words.map(stem))];
}

/** Whether two stems name the same thing by the rule above. */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}
