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
} else {
  const contender = contenders({ fetch: streamingFetch(chunks) }, CREDENTIALS).find((c) => c.name === name);
  if (!contender) throw new Error(`no contender named ${name}`);
  const call = contender.create();
  run = async () => drain(await call());
}

serve(async () => {
  const start = performance.now();
  const items = await run();
  return { ms: performance.now() - start, items, bytes: body.byteLength, chunks: chunks.length };
});
