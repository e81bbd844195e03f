// Builds the record of a received request, with secrets redacted so records are safe to print.
import type { RecordedRequest } from "../types.js";

const REDACTED = "<redacted>";

export function redactedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name === "x-amz-security-token") out[name] = REDACTED;
    else if (name === "authorization" && !value.startsWith("AWS4-")) out[name] = value.split(" ")[0] + " " + REDACTED;
    else out[name] = value;
  });
  return out;
}

export function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  if (bytes.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

export function newRecord(request: Request, requestId: string, rawPath: string, body: unknown, receivedAt: number): RecordedRequest {
  return {
    requestId,
    method: request.method,
    url: request.url,
    path: rawPath,
    headers: redactedHeaders(request.headers),
    body,
    auth: { kind: "none" },
    status: 0,
    scripted: false,
    receivedAt,
  };
}
