// Reads the few wrangler.toml fields a local run needs (main, compatibility date and flags, [vars], [[ratelimits]]).
import { readFileSync } from "node:fs";

/**
 * A deliberately small TOML reader: `key = value` lines with basic or literal strings, numbers,
 * booleans, string arrays and flat inline tables, `[section]` and `[[array]]` headers, and
 * comments. Anything else (dotted keys or headers, nested tables) throws with the line number,
 * so a richer wrangler.toml fails loudly here instead of running half-configured.
 * @param {string} text
 * @returns {Record<string, Record<string, unknown> | Record<string, unknown>[]>} keys by section ("" for the top level); arrays of tables as arrays
 */
export function parseToml(text) {
  /** @type {Record<string, Record<string, unknown> | Record<string, unknown>[]>} */
  const sections = { "": {} };
  let current = /** @type {Record<string, unknown>} */ (sections[""]);
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = stripComment(raw).trim();
    if (line === "") continue;
    const header = /^(\[\[?)([A-Za-z0-9_-]+)(\]\]?)$/.exec(line);
    if (header && header[1].length === header[3].length) {
      const name = header[2];
      if (header[1] === "[[") {
        const list = (sections[name] ??= []);
        if (!Array.isArray(list)) throw new Error(`wrangler.toml line ${i + 1}: [[${name}]] after [${name}]`);
        list.push((current = {}));
      } else {
        const table = (sections[name] ??= {});
        if (Array.isArray(table)) throw new Error(`wrangler.toml line ${i + 1}: [${name}] after [[${name}]]`);
        current = table;
      }
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

/** Splits array or inline-table items on the commas outside strings and brackets; empty items (a trailing comma) are dropped. */
function splitItems(inner) {
  const items = [];
  let quote = "";
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inner.slice(start));
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

function parseValue(text, lineNumber, nested = false) {
  const value = text.trim();
  if (value.startsWith("{") && value.endsWith("}")) {
    if (nested) throw new Error(`wrangler.toml line ${lineNumber}: nested inline tables are not supported`);
    // Flat inline tables only (`simple = { limit = 10, period = 60 }`).
    const table = {};
    for (const item of splitItems(value.slice(1, -1))) {
      const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(item);
      if (!pair) throw new Error(`wrangler.toml line ${lineNumber}: cannot read inline table item ${JSON.stringify(item)}`);
      table[pair[1]] = parseValue(pair[2], lineNumber, true);
    }
    return table;
  }
  if (value.startsWith('"')) return JSON.parse(value); // TOML basic strings escape like JSON for what we use
  if (value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  if (value === "true" || value === "false") return value === "true";
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value.startsWith("[") && value.endsWith("]")) {
    return splitItems(value.slice(1, -1)).map((item) => parseValue(item, lineNumber, true));
  }
  throw new Error(`wrangler.toml line ${lineNumber}: unsupported value ${value}`);
}

/**
 * The `[[ratelimits]]` entries, checked as Cloudflare checks them: an identifier name, an integer
 * namespace_id, and `simple = { limit, period }` with a positive limit and a period of 10 or 60 seconds
 * (https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/).
 * @param {unknown} entries
 * @returns {{ name: string, namespaceId: string, limit: number, period: number }[]}
 */
function readRateLimits(entries) {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new Error("wrangler.toml: ratelimits must be [[ratelimits]] entries");
  return entries.map((entry, i) => {
    const { name, namespace_id: namespaceId, simple } = /** @type {Record<string, any>} */ (entry);
    const where = `wrangler.toml [[ratelimits]] entry ${i + 1}`;
    if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`${where}: name must be an identifier`);
    if (!/^\d+$/.test(String(namespaceId ?? ""))) throw new Error(`${where}: namespace_id must be an integer`);
    const limit = simple?.limit;
    const period = simple?.period;
    if (!Number.isInteger(limit) || limit <= 0) throw new Error(`${where}: simple.limit must be a positive integer`);
    if (period !== 10 && period !== 60) throw new Error(`${where}: simple.period must be 10 or 60`);
    return { name, namespaceId: String(namespaceId), limit, period };
  });
}

/**
 * @param {string | URL} file
 * @returns {{ name: string, main: string, compatibilityDate: string, compatibilityFlags: string[], vars: Record<string, string>, rateLimits: { name: string, namespaceId: string, limit: number, period: number }[] }}
 */
export function readWranglerToml(file) {
  const toml = parseToml(readFileSync(file, "utf8"));
  const top = /** @type {Record<string, unknown>} */ (toml[""]);
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
    rateLimits: readRateLimits(toml.ratelimits),
  };
}
