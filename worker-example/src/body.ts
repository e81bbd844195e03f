// Reads a request body as UTF-8 text, stopping at a byte cap while it streams in (Content-Length is only a hint).

export type BodyText = { ok: true; text: string } | { ok: false; reason: "too-large" | "not-utf8" };

/**
 * The body as text, or why not. A declared Content-Length over the cap is refused before
 * reading; otherwise bytes are counted as they arrive and the upload is cancelled as soon as
 * they pass the cap, so a 60 MB body (chunked, or with a false length) is never buffered.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: "too-large" };
  }
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const pieces: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too-large" };
    }
    pieces.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "not-utf8" };
  }
}
