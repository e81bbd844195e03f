// Shared helpers for the Converse validators: paths in both AWS styles and constraint messages.
import { isObject, type Dict } from "../../internal/index.js";

/** Where a value sits in the request: member names and 0-based list indexes. */
export type Path = ReadonlyArray<string | number>;

/** Bedrock's own messages use 0-based dotted paths: `messages.0.content.1`. */
export function dotted(path: Path): string {
  return path.join(".");
}

/** Coral constraint messages use 1-based indexes followed by `.member`: `messages.1.member.content`. */
export function coral(path: Path): string {
  return path.map((part) => (typeof part === "number" ? `${part + 1}.member` : part)).join(".");
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "null";
  return `'${typeof value === "object" ? JSON.stringify(value) : String(value)}'`;
}

/** A coral-style constraint failure, as the service's request validation reports it. */
export function constraint(path: Path, value: unknown, rule: string): string {
  return `1 validation error detected: Value ${shown(value)} at '${coral(path)}' failed to satisfy constraint: ${rule}`;
}

export const notNull = (path: Path): string => constraint(path, null, "Member must not be null");

export function enumRule(path: Path, value: unknown, allowed: readonly string[]): string | undefined {
  return typeof value === "string" && allowed.includes(value)
    ? undefined
    : constraint(path, value, `Member must satisfy enum value set: [${allowed.join(", ")}]`);
}

export function typeRule(path: Path, value: unknown, expected: "object" | "list" | "string" | "boolean" | "number"): string | undefined {
  const ok =
    expected === "object"
      ? isObject(value)
      : expected === "list"
        ? Array.isArray(value)
        : typeof value === expected && !(expected === "number" && !Number.isFinite(value));
  return ok ? undefined : constraint(path, value, `Member must be of type ${expected}`);
}

/** Member names of a union value that are set (not undefined/null). */
export function setMembers(value: Dict): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined && value[key] !== null);
}

/** A union must set exactly one member, and a known one. */
export function unionRule(path: Path, value: unknown, shape: string, known: readonly string[]): string | undefined {
  if (!isObject(value)) return constraint(path, value, `Member must be a ${shape} object`);
  const members = setMembers(value);
  const unknown = members.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    return `The ${shape} object at ${dotted(path)} has an unknown member '${unknown[0]}'. Set exactly one of: ${known.join(", ")}.`;
  }
  if (members.length === 0) return `The ${shape} object at ${dotted(path)} is empty. Set exactly one of: ${known.join(", ")}.`;
  if (members.length > 1) {
    return `The ${shape} object at ${dotted(path)} sets more than one member (${members.join(", ")}). Set exactly one of: ${known.join(", ")}.`;
  }
  return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Blobs travel as base64 strings in restJson1. */
export function base64Rule(path: Path, value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || !BASE64.test(value)) {
    return `The value at ${dotted(path)} must be a non-empty base64 string (blobs are base64-encoded in JSON).`;
  }
  return undefined;
}

/** Runs checks in order and returns the first failure. */
export function first(...checks: Array<() => string | undefined>): string | undefined {
  for (const check of checks) {
    const failure = check();
    if (failure !== undefined) return failure;
  }
  return undefined;
}
