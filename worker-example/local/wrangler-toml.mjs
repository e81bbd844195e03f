// Reads the few wrangler.toml fields a local run needs (main, compatibility date and flags, [vars]).
import { readFileSync } from "node:fs";

/**
 * A deliberately small TOML reader: `key = value` lines with basic or literal strings, numbers,
 * booleans and string arrays, `[section]` headers and comments. Anything else throws with the
 * line number, so a richer wrangler.toml fails loudly here instead of running half-configured.
 * @param {string} text
 * @returns {Record<string, Record<string, unknown>>} keys by section ("" for the top level)
 */
export function parseToml(text) {
  /** @type {Record<string, Record<string, unknown>>} */
  const sections = { "": {} };
  let current = sections[""];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = stripComment(raw).trim();
    if (line === "") continue;
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
    if (header) {
      current = sections[header[1]] ??= {};
      continue;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`wrangler.toml line ${i + 1}: cannot read ${JSON.stringify(raw)}`);
    current[pair[1]] = parseValue(pair[2], i + 1);
  }
  return sections;
}

function stripComment(line) {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") return line.slice(0, i);
  }
  return line;
}

function parseValue(text, lineNumber) {
  const value = text.trim();
  if (value.startsWith('"')) return JSON.parse(value); // TOML basic strings escape like JSON for what we use
  if (value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  if (value === "true" || value === "false") return value === "true";
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value.startsWith("[") && value.endsWith("]")) {
    const inner = value.slice(1, -1).trim();
    // Items are split on commas: enough for compatibility flags, not for strings holding commas.
    const items = inner.split(",").map((item) => item.trim()).filter((item) => item !== "");
    return items.map((item) => parseValue(item, lineNumber));
  }
  throw new Error(`wrangler.toml line ${lineNumber}: unsupported value ${value}`);
}

/**
 * @param {string | URL} file
 * @returns {{ name: string, main: string, compatibilityDate: string, compatibilityFlags: string[], vars: Record<string, string> }}
 */
export function readWranglerToml(file) {
  const toml = parseToml(readFileSync(file, "utf8"));
  const top = toml[""];
  const vars = Object.fromEntries(Object.entries(toml.vars ?? {}).map(([key, value]) => [key, String(value)]));
  if (typeof top.main !== "string" || typeof top.compatibility_date !== "string") {
    throw new Error("wrangler.toml must set main and compatibility_date");
  }
  return {
    name: String(top.name ?? "worker"),
    main: top.main,
    compatibilityDate: top.compatibility_date,
    compatibilityFlags: /** @type {string[]} */ (top.compatibility_flags ?? []),
    vars,
  };
}
