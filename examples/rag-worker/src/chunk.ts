// Splits a document into passages for embedding: paragraphs, then sentences, packed up to a size, so each vector stands for one coherent piece.

/**
 * Passages of at most `maxChars` characters. Paragraphs (blank-line separated) are packed together
 * while they fit; a longer paragraph is packed sentence by sentence; a longer sentence is cut at
 * word boundaries (or hard, for a single overlong word). Whitespace runs become single spaces.
 */
export function chunkText(text: string, maxChars: number): string[] {
  const pieces = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "")
    .flatMap((p) => (p.length <= maxChars ? [p] : splitLong(p, maxChars)));
  const chunks: string[] = [];
  let current = "";
  for (const piece of pieces) {
    if (current !== "" && current.length + 1 + piece.length > maxChars) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? piece : `${current} ${piece}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** A paragraph over the size, as sentences (or word runs, or slices) that each fit. */
function splitLong(paragraph: string, maxChars: number): string[] {
  const sentences = paragraph.match(/[^.!?]+[.!?]*\s*/g)?.map((s) => s.trim()).filter((s) => s !== "") ?? [paragraph];
  return sentences.flatMap((sentence) => {
    if (sentence.length <= maxChars) return [sentence];
    const out: string[] = [];
    let line = "";
    for (const word of sentence.split(" ")) {
      for (let i = 0; i < word.length; i += maxChars) {
        const part = word.slice(i, i + maxChars);
        if (line !== "" && line.length + 1 + part.length > maxChars) {
          out.push(line);
          line = "";
        }
        line = line === "" ? part : `${line} ${part}`;
      }
    }
    if (line !== "") out.push(line);
    return out;
  });
}
