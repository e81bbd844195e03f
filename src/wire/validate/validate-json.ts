// Finds what JSON.stringify would choke on (cycles, BigInt, runaway nesting) and names where it sits.
import { BedrockError } from "../../errors/bedrock-error.js";
import { fail } from "./validate-helpers.js";

/**
 * How many objects and arrays deep a request (or a document field checked on its own) may nest.
 * AWS documents no limit for Converse's JSON documents (tool input, tool schemas,
 * `additionalModelRequestFields`), so the bound comes from the two ends of the wire:
 * JSON.stringify recurses natively and overflows the stack at about 4,000 levels in Node 20, and
 * sooner on the smaller stacks of browser workers and Workers isolates, as a bare RangeError;
 * Jackson, the usual JSON parser of JVM services, refuses more than 1,000 levels by default and
 * its maintainers propose 500 (https://github.com/FasterXML/jackson-core/issues/1233). Real
 * schemas and tool arguments nest a few dozen levels at most.
 */
export const MAX_JSON_DEPTH = 500;

// A depth error's path is cut after this many steps: the field it starts in is what matters.
const SHOWN_STEPS = 16;

/**
 * Throws `BedrockInputError` when `value` cannot go out as JSON: a circular reference, a BigInt,
 * or more than `MAX_JSON_DEPTH` levels. The message names the place (`path` plus the steps inside
 * it, e.g. `messages[1].content[0].toolUse.input.self`), never the value. Walks what
 * JSON.stringify would write: own enumerable keys; bytes (sent as base64) and objects with a
 * `toJSON` (dates) are leaves; functions, symbols and `undefined` are skipped as it skips them.
 * @example
 * const input: Record<string, unknown> = {};
 * input.self = input;
 * checkJsonValue(input, "messages[0].content[1].toolUse.input");
 * // BedrockInputError: messages[0].content[1].toolUse.input.self: refers back to an enclosing object (a circular reference), which JSON cannot represent
 */
export function checkJsonValue(value: unknown, path: string, maxDepth = MAX_JSON_DEPTH): void {
  const steps: Array<string | number> = [];
  const open = new Set<object>();
  const where = () => formatPath(path, steps);

  const walk = (node: unknown, depth: number): void => {
    if (typeof node === "bigint") fail(where(), "is a BigInt, which JSON cannot represent (send it as a number or a string)");
    if (node === null || typeof node !== "object" || isBytes(node)) return;
    if (typeof (node as { toJSON?: unknown }).toJSON === "function") return;
    if (open.has(node)) fail(where(), "refers back to an enclosing object (a circular reference), which JSON cannot represent");
    if (depth >= maxDepth) fail(where(), `nests deeper than ${maxDepth} levels of objects and arrays`);
    open.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        steps.push(i);
        walk(node[i], depth + 1);
        steps.pop();
      }
    } else {
      for (const key of Object.keys(node)) {
        steps.push(key);
        walk((node as Record<string, unknown>)[key], depth + 1);
        steps.pop();
      }
    }
    open.delete(node);
  };

  try {
    walk(value, 0);
  } catch (error) {
    if (BedrockError.isInstance(error)) throw error;
    // A getter or proxy trap threw while being read, as it would inside JSON.stringify.
    const name = error instanceof Error ? error.name : typeof error;
    fail(where(), `could not be read for sending (a getter or proxy threw ${name})`);
  }
}

/** `root` plus `.key` / `["odd key"]` / `[3]` steps; long paths keep their first steps and `…`. */
function formatPath(root: string, steps: ReadonlyArray<string | number>): string {
  let out = root;
  for (const step of steps.slice(0, SHOWN_STEPS)) {
    if (typeof step === "number") out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(step)) out += out === "" ? step : `.${step}`;
    else out += `[${JSON.stringify(step.length > 40 ? `${step.slice(0, 40)}…` : step)}]`;
  }
  return steps.length > SHOWN_STEPS ? `${out}…` : out;
}

function isBytes(value: object): boolean {
  if (ArrayBuffer.isView(value)) return true;
  const tag = Object.prototype.toString.call(value);
  return tag === "[object ArrayBuffer]" || tag === "[object SharedArrayBuffer]";
}
