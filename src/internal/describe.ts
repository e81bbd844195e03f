// How error messages show a value that was refused: short, and never a long string in full.

const MAX_SHOWN = 40;

/**
 * `"abc"` (quoted, cut at 40 characters), `null`, `an array`, `an object`, or the primitive as text.
 * Only for option values (numbers, flags, names): never pass a credential.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(value);
}

/** Any thrown value as text, for scanning or wrapping: strings as they are, objects as JSON when they can be. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
