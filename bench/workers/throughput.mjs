// Child process for section 3: one contender (or the floor), timing whole 10,000-event streams on request.
import { serve } from "../lib/child.mjs";
import { contenders, drain } from "../lib/clients.mjs";
import { floorDecode } from "../lib/floor.mjs";
import { concat, encodeFrames, randomChunks, replyEvents, streamingFetch } from "../lib/stream-body.mjs";

const [name, events, seed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

const body = concat(encodeFrames(replyEvents(events)));
const chunks = randomChunks(body, seed, 1, 4096);
let run;
if (name === "floor") {
  run = async () => floorDecode(body);
} else if (name === "iteration") {
  // How many frames end in each chunk, so the reference yields as many items per read as a client would.
  const ends = [];
  for (let at = 0, chunk = 0, chunkEnd = chunks[0].length; at < body.length; ) {
    at += new DataView(body.buffer, body.byteOffset + at, 4).getUint32(0);
    while (at > chunkEnd) chunkEnd += chunks[++chunk].length;
    ends[chunk] = (ends[chunk] ?? 0) + 1;
  }
  const fetch = streamingFetch(chunks);
  const item = { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "x" } } };
  async function* iterate(response) {
    const reader = response.body.getReader();
    for (let chunk = 0; ; chunk++) {
      const { done } = await reader.read();
      if (done) return;
      for (let i = 0; i < (ends[chunk] ?? 0); i++) yield item;
    }
  }
  run = async () => drain(iterate(await fetch("https://example.com/", { method: "POST", body: "{}" })));
} else {
  const contender = contenders({ fetch: streamingFetch(chunks) }, CREDENTIALS).find((c) => c.name === name);
  if (!contender) throw new Error(`no contender named ${name}`);
  const call = contender.create();
  run = async () => drain(await call());
}

serve(async () => {
  const start = performance.now();
  const items = await run();
  const ms = performance.now() - start;
  // The floor again, right after, in this process: the ratio to it then compares two moments
  // a few milliseconds apart, which this shared machine's load rarely separates.
  const floorStart = performance.now();
  floorDecode(body);
  return { ms, floorMs: performance.now() - floorStart, items, bytes: body.byteLength, chunks: chunks.length };
});
