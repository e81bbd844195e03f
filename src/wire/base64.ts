// Base64 (RFC 4648 §4, standard alphabet) for Uint8Array without Buffer or per-char btoa.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const PAD = 61; // "="
const INVALID = 255;
const HAS_WHITESPACE = /[\t\n\f\r ]/;
const WHITESPACE = /[\t\n\f\r ]+/g;

const ENCODE = new Uint8Array(64);
const DECODE = new Uint8Array(256).fill(INVALID);
for (let i = 0; i < 64; i++) {
  ENCODE[i] = ALPHABET.charCodeAt(i);
  DECODE[ALPHABET.charCodeAt(i)] = i;
}

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

/** Lookup-table decoder with the same acceptance rules as `decodeBase64`. */
export function decodeBase64Portable(text: string): Uint8Array {
  const s = HAS_WHITESPACE.test(text) ? text.replace(WHITESPACE, "") : text;
  let end = s.length;
  let pads = 0;
  while (end > 0 && s.charCodeAt(end - 1) === PAD && pads < 2) {
    end--;
    pads++;
  }
  const rem = end % 4;
  if (rem === 1 || (pads > 0 && (end + pads) % 4 !== 0)) throw invalid(text);
  const out = new Uint8Array(((end - rem) / 4) * 3 + (rem === 0 ? 0 : rem - 1));
  const full = end - rem;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = DECODE[s.charCodeAt(i)] ?? INVALID;
    const b = DECODE[s.charCodeAt(i + 1)] ?? INVALID;
    const c = DECODE[s.charCodeAt(i + 2)] ?? INVALID;
    const d = DECODE[s.charCodeAt(i + 3)] ?? INVALID;
    // Valid sextets are 0..63, so one OR shows whether any of the four was INVALID.
    if ((a | b | c | d) > 63) throw invalid(text);
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (rem > 0) {
    const a = DECODE[s.charCodeAt(full)] ?? INVALID;
    const b = DECODE[s.charCodeAt(full + 1)] ?? INVALID;
    const c = rem === 3 ? (DECODE[s.charCodeAt(full + 2)] ?? INVALID) : 0;
    if ((a | b | c) > 63) throw invalid(text);
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >>> 16;
    if (rem === 3) out[o++] = (n >>> 8) & 255;
  }
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
    if (code > 255 || DECODE[code] === INVALID) return describeChar(text, i);
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
