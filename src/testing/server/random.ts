// Seeded randomness (so "random" chunking and padding repeat run to run) and request IDs.

/** mulberry32: a small, fast, seedable PRNG. Returns an integer in [1, max]. */
export function seededRandom(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return 1 + Math.floor(unit * Math.max(1, max));
  };
}

const PADDING_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Bedrock pads each event payload with `"p": "abcdef…"` of random length; clients must ignore it. */
export function paddingMember(random: (max: number) => number): () => { p: string } {
  return () => ({ p: PADDING_ALPHABET.slice(0, random(PADDING_ALPHABET.length)) });
}

/** A UUID v4 from crypto.randomUUID, or from getRandomValues where randomUUID is missing (insecure contexts). */
export function requestId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
