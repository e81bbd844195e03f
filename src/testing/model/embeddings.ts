// The built-in embedding rule: deterministic vectors in which texts that share content words are close.
//
// Rule: each content word's stem (words.ts: stop words and numbers dropped, light stemming) is
// hashed onto a few signed coordinates (feature hashing), weighted 1; each character trigram of
// the stem onto one more at weight 0.25, so "locations" and "location" stay close even where
// stems differ. A text with no content word falls back to its raw lower-cased words. The vector
// is L2-normalised unless asked not to be, so cosine similarity is a dot product, and the
// similarity of two texts grows with the words they share. Reranking scores by the same cosine.
import { sha256 } from "./hash.js";
import { contentWords, wordsOf } from "./words.js";

const PLACES_PER_WORD = 4;
const TRIGRAM_WEIGHT = 0.25;

/** Coordinates and signs a feature lands on (from its SHA-256, so stable across runs and runtimes). */
function places(feature: string, dimensions: number, count: number): Array<[number, number]> {
  const digest = sha256(feature);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const word = ((digest[i * 4]! << 24) | (digest[i * 4 + 1]! << 16) | (digest[i * 4 + 2]! << 8) | digest[i * 4 + 3]!) >>> 0;
    out.push([word % dimensions, digest[16 + i]! & 1 ? 1 : -1]);
  }
  return out;
}

/** The features of a text and their weights. */
function features(text: string): Map<string, number> {
  const stems = contentWords(text);
  const words = stems.length > 0 ? stems : wordsOf(text);
  const out = new Map<string, number>();
  const add = (feature: string, weight: number) => out.set(feature, (out.get(feature) ?? 0) + weight);
  for (const word of words) {
    add(`w:${word}`, 1);
    const padded = `^${word}$`;
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT);
  }
  return out;
}

/**
 * A deterministic embedding of `text` with `dimensions` coordinates.
 * @example
 * cosine(embedText("weather in Paris", 256), embedText("Paris weather today", 256)); // ≈ 0.8
 */
export function embedText(text: string, dimensions: number, normalize = true): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, weight] of features(text)) {
    const count = feature.startsWith("w:") ? PLACES_PER_WORD : 1;
    for (const [index, sign] of places(feature, dimensions, count)) vector[index]! += sign * weight;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) {
    // An empty text still gets a unit vector (Bedrock never answers with zeros): a fixed direction.
    vector[0] = 1;
    return vector;
  }
  // Rounded as JSON would carry it, so equal texts give equal bytes on the wire.
  return vector.map((x) => Math.round((normalize ? x / norm : x) * 1e7) / 1e7);
}

/** Cosine similarity of two vectors of the same length. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Int8 quantisation as embedding APIs do it: each coordinate × 127, rounded and clamped. */
export function toInt8(vector: readonly number[]): number[] {
  return vector.map((x) => Math.max(-128, Math.min(127, Math.round(x * 127))));
}

/** One bit per coordinate (1 where positive), as Titan Text v2's `binary` type. */
export function toBinary(vector: readonly number[]): number[] {
  return vector.map((x) => (x > 0 ? 1 : 0));
}

/**
 * Relevance of each document to a query by the same rule (the cosine, 0 when negative), best first.
 * @example
 * rerankScores("paris weather", ["Weather in Paris is mild", "Tokyo trains"]); // [{ index: 0, … }, { index: 1, … }]
 */
export function rerankScores(query: string, documents: readonly string[], dimensions = 1024): Array<{ index: number; relevanceScore: number }> {
  const q = embedText(query, dimensions);
  return documents
    .map((doc, index) => ({ index, relevanceScore: Math.round(Math.max(0, cosine(q, embedText(doc, dimensions))) * 1e6) / 1e6 }))
    .sort((x, y) => y.relevanceScore - x.relevanceScore || x.index - y.index);
}
