// Small shape checks that throw BedrockInputError with the offending field's path.
import { BedrockInputError } from "../../errors/index.js";
import { isRecord, type Dict } from "../../internal/index.js";
import { base64Problem } from "../serde/base64.js";

export { isRecord, type Dict };

export function fail(path: string, message: string): never {
  throw new BedrockInputError(path ? `${path}: ${message}` : message);
}

// Bedrock's patterns (API_runtime_ToolSpecification, ToolUseBlock, ToolResultBlock; the toolUseId
// one as Bedrock states it in its answers, `.` and `:` included: tontinton/maki #38).
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_USE_ID = /^[a-zA-Z0-9_.:-]{1,64}$/;

/** A tool name: 1–64 letters, digits, `_` or `-`. The value is not echoed. */
export function toolName(value: unknown, path: string): void {
  string(value, path, true);
  if (!TOOL_NAME.test(value as string)) fail(path, "must be 1 to 64 letters, digits, \"_\" or \"-\" (Bedrock's pattern [a-zA-Z0-9_-]{1,64})");
}

/** A tool-use ID: 1–64 letters, digits, `_`, `.`, `:` or `-`. The value is not echoed. */
export function toolUseId(value: unknown, path: string): void {
  string(value, path, true);
  if (!TOOL_USE_ID.test(value as string)) fail(path, "must be 1 to 64 letters, digits, \"_\", \".\", \":\" or \"-\" (Bedrock's pattern [a-zA-Z0-9_.:-]+)");
}

/** A describable type name for messages: `null`, `array`, `Uint8Array`, `string`, … */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (ArrayBuffer.isView(value)) return "bytes";
  if (value === undefined) return "undefined";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export function record(value: unknown, path: string): Dict {
  if (value === undefined) fail(path, "is required");
  if (!isRecord(value)) fail(path, `must be an object, got ${typeName(value)}`);
  return value;
}

export function list(value: unknown, path: string): unknown[] {
  if (value === undefined) fail(path, "is required");
  if (!Array.isArray(value)) fail(path, `must be an array, got ${typeName(value)}`);
  return value;
}

/** `required`: the AWS model marks the member required, so Bedrock would refuse the request without it. */
export function string(value: unknown, path: string, required: boolean): void {
  if (value === undefined && !required) return;
  if (value === undefined) fail(path, "is required");
  if (typeof value !== "string") fail(path, `must be a string, got ${typeName(value)}`);
}

export function oneOfValues(value: unknown, path: string, allowed: Readonly<Record<string, string>>, required: boolean): void {
  string(value, path, required);
  if (value === undefined) return;
  const values = Object.values(allowed);
  if (!values.includes(value as string)) {
    fail(path, `${JSON.stringify(value)} is not one of ${values.map((v) => JSON.stringify(v)).join(", ")}`);
  }
}

export function boolean(value: unknown, path: string, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== "boolean") fail(path, value === undefined ? "is required" : `must be a boolean, got ${typeName(value)}`);
}

/** A finite number within [min, max], optionally an integer. */
export function number(value: unknown, path: string, range: { min: number; max?: number; integer?: boolean }): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(path, `must be a finite number, got ${typeof value === "number" ? String(value) : typeName(value)}`);
  }
  if (range.integer && !Number.isInteger(value)) fail(path, `must be an integer, got ${value}`);
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    fail(path, `must be between ${range.min} and ${range.max ?? "∞"}, got ${value}`);
  }
}

/** Bytes (`Uint8Array`, any ArrayBuffer view, ArrayBuffer) or a base64 string. */
export function blob(value: unknown, path: string): void {
  if (typeof value === "string") {
    const problem = base64Problem(value);
    if (problem !== undefined) fail(path, `is not valid base64 (${problem})`);
    return;
  }
  if (ArrayBuffer.isView(value) || Object.prototype.toString.call(value) === "[object ArrayBuffer]") return;
  fail(path, value === undefined ? "is required" : `must be a Uint8Array or a base64 string, got ${typeName(value)}`);
}

/**
 * Checks a tagged union (one key set, as the AWS model requires) and returns the key that is
 * set. Members whose value is `undefined` do not count, as the SDK skips them when sending.
 * SDK-style `{ $unknown: [name, value] }` is accepted and returned as `"$unknown"`.
 */
export function unionKind<K extends string>(value: unknown, path: string, what: string, kinds: readonly K[]): K | "$unknown" {
  const union = record(value, path);
  const keys = Object.keys(union).filter((k) => union[k] !== undefined);
  if (keys.length === 0) fail(path, `${what} is empty; set exactly one of ${kinds.join(", ")}`);
  if (keys.length > 1) {
    fail(path, `${what} sets ${keys.map((k) => JSON.stringify(k)).join(" and ")}; set exactly one`);
  }
  const kind = keys[0]!;
  if (kind === "$unknown") {
    const tuple = union.$unknown;
    if (!Array.isArray(tuple) || tuple.length !== 2 || typeof tuple[0] !== "string") {
      fail(`${path}.$unknown`, "must be a [name, value] pair");
    }
    return "$unknown";
  }
  if (!(kinds as readonly string[]).includes(kind)) {
    fail(path, `unknown ${what} kind ${JSON.stringify(kind)} (expected one of ${kinds.join(", ")})`);
  }
  return kind as K;
}

export function stringMap(value: unknown, path: string): void {
  if (value === undefined) return;
  const map = record(value, path);
  for (const [key, item] of Object.entries(map)) string(item, `${path}.${key}`, true);
}
