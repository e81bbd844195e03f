// Test helpers: sign requests with @smithy/signature-v4 directly, decode event-stream bodies with the codec.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { codec } from "../../src/event-stream/codec.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

export const ENDPOINT = "https://bedrock-runtime.us-east-1.amazonaws.com";
export const MODEL = "us.amazon.nova-micro-v1:0";

export interface SignOptions {
  /** Base URL (default the real regional endpoint; the emulator does not care about the host). */
  base?: string;
  /** Path after the base, already percent-encoded (default /model/<MODEL>/converse). */
  path?: string;
  body?: unknown;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  service?: string;
  date?: Date;
  headers?: Record<string, string>;
  /** Send x-amz-content-sha256 as the SDK does (default true). */
  applyChecksum?: boolean;
  /** Drop the `host` header after signing (fetch sets it from the URL on the wire). */
  omitHost?: boolean;
}

export const modelPath = (modelId: string, op = "converse") => `/model/${encodeURIComponent(modelId)}/${op}`;

export const userText = (text: string) => ({ messages: [{ role: "user", content: [{ text }] }] });

/** Signs with smithy's SignatureV4 exactly as an SDK would, and returns a WHATWG Request. */
export async function signedRequest(options: SignOptions = {}): Promise<Request> {
  const url = new URL((options.base ?? ENDPOINT) + (options.path ?? modelPath(MODEL)));
  const body = typeof options.body === "string" ? options.body : JSON.stringify(options.body ?? userText("Hello"));
  const signer = new SignatureV4({
    credentials: options.credentials ?? EMULATOR_CREDENTIALS,
    region: options.region ?? "us-east-1",
    service: options.service ?? "bedrock",
    sha256: Sha256,
    applyChecksum: options.applyChecksum ?? true,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: { host: url.host, "content-type": "application/json", ...options.headers },
      body,
    },
    { signingDate: options.date ?? new Date() },
  );
  const headers = { ...signed.headers };
  if (options.omitHost) delete headers.host;
  return new Request(url, { method: "POST", headers, body });
}

export async function readBytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

export interface DecodedFrame {
  headers: Record<string, string>;
  payload: any;
}

/** Splits a whole body into frames by their prelude length and decodes each (CRCs checked). */
export function decodeFrames(bytes: Uint8Array): DecodedFrame[] {
  const frames: DecodedFrame[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
    const message = codec.decode(bytes.subarray(offset, offset + length));
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(message.headers)) headers[name] = String(header.value);
    const text = new TextDecoder().decode(message.body);
    frames.push({ headers, payload: text ? JSON.parse(text) : undefined });
    offset += length;
  }
  return frames;
}

/** Frames of event type → `{ [type]: payload }`, the SDK's one-key shape. */
export function toEvents(frames: DecodedFrame[]): Array<Record<string, any>> {
  return frames.map((f) => ({ [f.headers[":event-type"] ?? f.headers[":exception-type"] ?? "?"]: f.payload }));
}

export async function streamEvents(response: Response): Promise<Array<Record<string, any>>> {
  return toEvents(decodeFrames(await readBytes(response)));
}

/** Reads a body chunk by chunk, keeping the chunk boundaries. */
export async function readChunks(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
