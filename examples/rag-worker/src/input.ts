// The bodies of POST /ingest and POST /ask, checked against limits that keep one request cheap and inside Vectorize's limits.
import { chunkText } from "./chunk.js";
import type { VectorizeMetadataValue } from "./vectorize.js";

export const LIMITS = {
  /** Bytes of JSON body read before answering 413. */
  maxIngestBytes: 256 * 1024,
  maxAskBytes: 8 * 1024,
  documentsPerRequest: 20,
  /** Characters of one document. */
  maxDocumentChars: 20_000,
  /** Characters of one passage (one vector). Its text rides in the vector's metadata: 2,000 characters stay under Vectorize's 10 KiB. */
  chunkChars: 1_000,
  /**
   * Passages per request: one embedding call each with Titan, and every call to Bedrock is a
   * subrequest (the Workers Free plan allows 50 per request).
   */
  chunksPerRequest: 40,
  /** Document IDs: ASCII, so `<id>#<n>` stays under Vectorize's 64-byte vector IDs. */
  documentId: /^[A-Za-z0-9._:-]{1,48}$/,
  metadataKeys: 10,
  metadataValueChars: 256,
  maxQuestionChars: 1_000,
  /** Candidates asked of Vectorize: 20 is its topK maximum when metadata comes back (returnMetadata "all"). */
  maxTopK: 20,
  defaultTopK: 8,
} as const;

/** Metadata keys the Worker writes itself. */
const RESERVED = new Set(["text", "docId", "chunk", "chunks"]);

export interface Problem {
  status: 400 | 413;
  message: string;
}
const bad = (message: string): Problem => ({ status: 400, message });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface IngestDocument {
  id: string;
  chunks: string[];
  metadata: Record<string, VectorizeMetadataValue>;
}

/** The user's metadata, or the problem's message (a string, so no metadata can pass for a problem). */
function parseMetadata(value: unknown, at: string): Record<string, VectorizeMetadataValue> | string {
  if (value === undefined) return {};
  if (!isRecord(value)) return `${at}.metadata must be an object`;
  const entries = Object.entries(value);
  if (entries.length > LIMITS.metadataKeys) return `${at}.metadata may have at most ${LIMITS.metadataKeys} keys`;
  for (const [key, v] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(key)) return `${at}.metadata key ${JSON.stringify(key.slice(0, 40))} must be an identifier of at most 32 characters`;
    if (RESERVED.has(key)) return `${at}.metadata.${key} is reserved (the Worker sets text, docId, chunk and chunks)`;
    const ok = typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.length <= LIMITS.metadataValueChars);
    if (!ok) return `${at}.metadata.${key} must be a boolean, a finite number or a string of at most ${LIMITS.metadataValueChars} characters`;
  }
  return value as Record<string, VectorizeMetadataValue>;
}

/** `{ documents: [{ id, text, metadata? }] }` as documents split into passages, or the problem. */
export function parseIngest(body: unknown): IngestDocument[] | Problem {
  const documents = isRecord(body) ? body.documents : undefined;
  if (!Array.isArray(documents) || documents.length === 0) return bad("Send { documents: [{ id, text, metadata? }] } with at least one document");
  if (documents.length > LIMITS.documentsPerRequest) return { status: 413, message: `At most ${LIMITS.documentsPerRequest} documents per request` };
  const seen = new Set<string>();
  const out: IngestDocument[] = [];
  for (const [i, document] of documents.entries()) {
    const at = `documents[${i}]`;
    if (!isRecord(document)) return bad(`${at} must be an object`);
    const { id, text } = document;
    if (typeof id !== "string" || !LIMITS.documentId.test(id)) return bad(`${at}.id must be 1 to 48 characters of A-Z a-z 0-9 . _ : -`);
    if (seen.has(id)) return bad(`${at}.id ${JSON.stringify(id)} appears twice`);
    seen.add(id);
    if (typeof text !== "string" || text.trim() === "") return bad(`${at}.text must be non-empty text`);
    if (text.length > LIMITS.maxDocumentChars) return { status: 413, message: `${at}.text is over ${LIMITS.maxDocumentChars} characters` };
    const metadata = parseMetadata(document.metadata, at);
    if (typeof metadata === "string") return bad(metadata);
    out.push({ id, chunks: chunkText(text, LIMITS.chunkChars), metadata });
  }
  const total = out.reduce((n, d) => n + d.chunks.length, 0);
  if (total > LIMITS.chunksPerRequest) {
    return { status: 413, message: `These documents make ${total} passages; at most ${LIMITS.chunksPerRequest} per request (send fewer documents at a time)` };
  }
  return out;
}

export interface AskInput {
  question: string;
  topK: number;
}

/** `{ question, topK? }`, or the problem. */
export function parseAsk(body: unknown): AskInput | Problem {
  const { question, topK = LIMITS.defaultTopK } = isRecord(body) ? body : {};
  if (typeof question !== "string" || question.trim() === "") return bad("Send { question: string, topK?: number }");
  if (question.length > LIMITS.maxQuestionChars) return { status: 413, message: `The question is over ${LIMITS.maxQuestionChars} characters` };
  if (typeof topK !== "number" || !Number.isInteger(topK) || topK < 1 || topK > LIMITS.maxTopK) return bad(`topK must be an integer from 1 to ${LIMITS.maxTopK}`);
  return { question: question.trim(), topK };
}
