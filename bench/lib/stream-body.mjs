// A ConverseStream reply as real event-stream bytes, cut into random chunks and served by an in-process fetch.
import { encodeStreamEvent } from "../../dist/event-stream/encode.js";

/** mulberry32, so every run and every client sees the same chunk sizes and padding. */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const WORDS = ["J'adore", " la", " programmation", ".", " Le", " code", " est", " un", " art", ",", " pas", " une", " corvée", "!"];

/**
 * The events of a text reply `count` events long, in the SDK's one-key shape:
 * messageStart, count − 4 text deltas, contentBlockStop, messageStop, metadata. Every payload
 * carries Bedrock's random-length `"p"` padding, as the service sends it.
 */
export function replyEvents(count, seed = 1) {
  const random = seeded(seed);
  const p = () => PADDING.slice(0, 1 + Math.floor(random() * PADDING.length));
  const deltas = count - 4;
  const events = [{ messageStart: { role: "assistant", p: p() } }];
  for (let i = 0; i < deltas; i++) {
    events.push({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: WORDS[i % WORDS.length] }, p: p() } });
  }
  events.push(
    { contentBlockStop: { contentBlockIndex: 0, p: p() } },
    { messageStop: { stopReason: "end_turn", p: p() } },
    {
      metadata: {
        usage: { inputTokens: 12, outputTokens: deltas, totalTokens: 12 + deltas },
        metrics: { latencyMs: 1234 },
        p: p(),
      },
    },
  );
  return events;
}

/** Each event encoded as one frame (bytes as Bedrock sends them). */
export function encodeFrames(events) {
  return events.map((event) => encodeStreamEvent(event));
}

export function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** `bytes` cut into chunks of random size in [min, max], each its own buffer as a socket read would give. */
export function randomChunks(bytes, seed = 7, min = 1, max = 4096) {
  const random = seeded(seed);
  const chunks = [];
  for (let at = 0; at < bytes.byteLength; ) {
    const size = min + Math.floor(random() * (max - min + 1));
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** Response headers of a ConverseStream answer. */
export const STREAM_HEADERS = {
  "content-type": "application/vnd.amazon.eventstream",
  "x-amzn-requestid": "00000000-0000-4000-8000-000000000000",
};

/** A ReadableStream that hands out `chunks` one pull at a time (nothing buffered ahead). */
export function chunkStream(chunks) {
  let i = 0;
  return new ReadableStream(
    {
      pull(controller) {
        if (i < chunks.length) controller.enqueue(chunks[i++]);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A fetch that answers every request with the chunks, after draining the request body as a server would. */
export function streamingFetch(chunks) {
  return async (input, init) => {
    const request = new Request(input, init);
    await request.arrayBuffer();
    return new Response(chunkStream(chunks), { status: 200, headers: STREAM_HEADERS });
  };
}

/**
 * A `count`-event reply generated as it is read (constant memory however long): the frames of
 * a 1,000-event reply, its deltas repeated, cut into fresh random 1–`max`-byte chunks.
 */
export function longReplyFetch(count, seed = 11, max = 4096) {
  const sample = encodeFrames(replyEvents(1000, seed));
  const deltas = sample.slice(1, -3);
  const frameAt = (i) => (i === 0 ? sample[0] : i >= count - 3 ? sample[sample.length - (count - i)] : deltas[(i - 1) % deltas.length]);
  return async (input, init) => {
    await new Request(input, init).arrayBuffer();
    const random = seeded(seed);
    let index = 0;
    let offset = 0;
    const body = new ReadableStream(
      {
        pull(controller) {
          if (index >= count) return controller.close();
          const chunk = new Uint8Array(1 + Math.floor(random() * max));
          let filled = 0;
          while (filled < chunk.length && index < count) {
            const frame = frameAt(index);
            const take = Math.min(frame.length - offset, chunk.length - filled);
            chunk.set(frame.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (offset === frame.length) {
              index++;
              offset = 0;
            }
          }
          controller.enqueue(filled === chunk.length ? chunk : chunk.subarray(0, filled));
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: 200, headers: STREAM_HEADERS });
  };
}
