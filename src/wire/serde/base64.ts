// Base64 (RFC 4648 §4, standard alphabet) for Uint8Array without Buffer or per-char btoa.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const PAD = 61; // "="

const ENCODE = new Uint8Array(64);
for (let i = 0; i < 64; i++) ENCODE[i] = ALPHABET.charCodeAt(i);

/** A-Z, a-z, 0-9, "+" or "/" (by char code): no decode table needed. */
const inAlphabet = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

// TC39 "Uint8Array to/from base64" (Safari 18.2, Firefox 133, Node 25): native and fastest.
interface NativeBase64 {
  fromBase64?: (s: string) => Uint8Array;
}
interface NativeToBase64 {
  toBase64?: () => string;
}
const nativeFrom = (Uint8Array as unknown as NativeBase64).fromBase64;
const nativeTo = (Uint8Array.prototype as unknown as NativeToBase64).toBase64;

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  if (typeof nativeTo === "function") return nativeTo.call(bytes);
  return encodeBase64Portable(bytes);
}

/**
 * Decodes standard base64. Padding is optional and ASCII whitespace is skipped (the
 * native `Uint8Array.fromBase64` default); anything else outside the alphabet throws
 * a `SyntaxError` naming the offending character.
 */
export function decodeBase64(text: string): Uint8Array {
  if (typeof nativeFrom === "function") {
    try {
      return nativeFrom(text);
    } catch {
      // Re-run the portable decoder for a message that says where the input went wrong.
    }
  }
  return decodeBase64Portable(text);
}

/** Lookup-table encoder; exported for tests so the fallback is covered where native exists. */
export function encodeBase64Portable(bytes: Uint8Array): string {
  const len = bytes.length;
  const out = new Uint8Array(Math.ceil(len / 3) * 4);
  const full = len - (len % 3);
  let o = 0;
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = ENCODE[(n >>> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  if (len - full === 1) {
    const n = bytes[full]! << 16;
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = PAD;
    out[o++] = PAD;
  } else if (len - full === 2) {
    const n = (bytes[full]! << 16) | (bytes[full + 1]! << 8);
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = ENCODE[(n >>> 6) & 63]!;
    out[o++] = PAD;
  }
  // Output is pure ASCII, so one native decode builds the string without per-char concatenation.
  return new TextDecoder().decode(out);
}

/**
 * Fallback decoder with the same acceptance rules as `decodeBase64`: atob's forgiving-base64
 * (whitespace skipped, padding optional, nothing after it) is exactly those rules, and is native.
 */
export function decodeBase64Portable(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw invalid(text);
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * True when `text` would decode: a cheap check that allocates nothing, for validating
 * multi-megabyte strings before they are sent.
 */
export function isBase64(text: string): boolean {
  return base64Problem(text) === undefined;
}

/** Why `text` is not base64 (for error messages), or `undefined` when it is. */
export function base64Problem(text: string): string | undefined {
  let data = 0;
  let pads = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 12 || code === 13 || code === 32) continue;
    if (code === PAD) {
      pads++;
      if (pads > 2) return "too much \"=\" padding";
      continue;
    }
    if (pads > 0) return `data after "=" padding at index ${i}`;
    if (!inAlphabet(code)) return describeChar(text, i);
    data++;
  }
  if (data % 4 === 1) return `${data} data characters cannot encode whole bytes`;
  if (pads > 0 && (data + pads) % 4 !== 0) return "wrong amount of \"=\" padding";
  return undefined;
}

function invalid(text: string): SyntaxError {
  return new SyntaxError(`Invalid base64: ${base64Problem(text) ?? "malformed input"}`);
}

function describeChar(s: string, i: number): string {
  const hint = s.startsWith("data:") ? " (pass only the part after \"base64,\" of a data: URL)" : "";
  const ch = s.charAt(i);
  return `unexpected character ${JSON.stringify(ch)} at index ${i}${hint}`;
}
