// The built-in model's arguments for a tool it chose itself: pairs, then numbers, names and enum words found in the text.
//
// Rule, over the schema's top-level properties, required ones first (each group in schema order):
// 1. `prop=value` / `prop: value` pairs, as in args.ts. Those pairs are then cut from the text.
// 2. An enum property takes the first of its options that the text holds as a whole word
//    (case-insensitive); the option comes back as the schema spells it.
// 3. number / integer properties take the text's numbers in order ("1,836,281,973" is one number;
//    integers truncate). A number is never used twice.
// 4. string properties take, in order, the quoted strings ("…", '…', “…”) and then the runs of
//    capitalised words ("San Francisco"): leading stop words are cut from a run ("What's", "The"),
//    a lone capitalised word that opens a sentence is not a name, and a bound tool's name is skipped.
// 5. The first required string property still empty takes the whole text (trimmed).
// 6. Required properties still empty get their defaults (args.ts rule 4); optional ones stay out.
import { coerce, fillDefaults, findPairs, pairedArguments, requiredOf, typeOf } from "./args.js";
import { nameSpellings } from "./mentions.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";
import { STOP_WORDS } from "./words.js";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const NUMBER = /(?<![\p{L}\p{N}_.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{L}\p{N}_])/gu;
const QUOTED = /(?<![\p{L}\p{N}])(?:"([^"\n]+)"|'([^'\n]+)'|“([^”\n]+)”)(?![\p{L}\p{N}])/gu;
const CAPITALISED = /(?<![\p{L}\p{N}_'’])\p{Lu}[\p{L}\p{N}]*(?:['’]\p{L}+)?(?:[ \t]+\p{Lu}[\p{L}\p{N}]*(?:['’]\p{L}+)?)*/gu;

/** The text's numbers, in order. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/,/g, "")));
}

const isStopWord = (word: string) => STOP_WORDS.has(word.toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, ""));

/** Quoted strings, then capitalised runs by rule 4, in order, without duplicates or names in `skip`. */
export function namesIn(text: string, skip: readonly string[] = []): string[] {
  const quoted = [...text.matchAll(QUOTED)].map((m) => (m[1] ?? m[2] ?? m[3]!).trim());
  const unquoted = text.replace(QUOTED, " ");
  const runs = [...unquoted.matchAll(CAPITALISED)].flatMap((m) => {
    const words = m[0].split(/[ \t]+/);
    while (words.length > 0 && isStopWord(words[0]!)) words.shift();
    const opensSentence = /(?:^|[.!?]\s+|\n\s*)$/.test(unquoted.slice(0, m.index!));
    if (words.length === 0 || (words.length === 1 && opensSentence && words[0] === m[0])) return [];
    return [words.join(" ")];
  });
  const skipped = new Set(skip.flatMap(nameSpellings).map((s) => s.toLowerCase()));
  return [...new Set([...quoted, ...runs])].filter((name) => name !== "" && !skipped.has(name.toLowerCase()));
}

/** The first enum option the text holds as a whole word, or undefined. */
function enumIn(text: string, options: unknown[]): unknown {
  return options.find((option) => new RegExp(`(?<![\\p{L}\\p{N}_])${escape(String(option))}(?![\\p{L}\\p{N}_])`, "iu").test(text));
}

/** `text` without its `prop=value` pairs, so their values are not used twice. */
function withoutPairs(text: string, names: readonly string[]): string {
  let rest = text;
  for (const [name, value] of findPairs(text, names)) {
    rest = rest.replace(new RegExp(`${escape(name)}\\s*[=:]\\s*["']?${escape(value)}["']?`, "i"), " ");
  }
  return rest;
}

/** Arguments for a call the model chose itself, by the rule above; `toolNames` are never taken as values. */
export function inferArguments(schema: JsonObject, text: string, toolNames: readonly string[] = []): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = requiredOf(schema);
  const names = Object.keys(properties);
  const ordered = [...names.filter((n) => required.includes(n)), ...names.filter((n) => !required.includes(n))];
  const out = pairedArguments(schema, text);
  const rest = withoutPairs(text, names);
  const numbers = numbersIn(rest);
  const strings = namesIn(rest, toolNames);
  for (const name of ordered) {
    const property = isObject(properties[name]) ? properties[name] : {};
    if (out[name] !== undefined) continue;
    if (Array.isArray(property.enum)) {
      const option = enumIn(rest, property.enum);
      if (option !== undefined) out[name] = option;
      continue;
    }
    const type = typeOf(property);
    if ((type === "number" || type === "integer") && numbers.length > 0) out[name] = coerce(String(numbers.shift()), property);
    else if (type === "string" && strings.length > 0) out[name] = strings.shift();
  }
  const emptyString = required.find((n) => out[n] === undefined && isObject(properties[n]) && typeOf(properties[n]) === "string" && !Array.isArray(properties[n].enum));
  if (emptyString !== undefined && text.trim() !== "") out[emptyString] = text.trim();
  fillDefaults(schema, out);
  // Back in schema order, as a model writes them.
  return Object.fromEntries(names.filter((n) => out[n] !== undefined).map((n) => [n, out[n]])) as JsonObject;
}
