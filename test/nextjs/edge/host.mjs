// Node host for the route in the edge-runtime VM: `node host.mjs <bundle.js> <prompts-json>`; prints one results line.
// It runs in its own process so the VM's primitives are not mixed with the test runner's globals.
import { readFileSync } from "node:fs";
import { EdgeRuntime } from "edge-runtime";
import { RESULT_MARKER } from "../../runtimes/runtime-output.ts";

const [bundle, promptsJson] = process.argv.slice(2);
const { seed, slow } = JSON.parse(promptsJson);

const runtime = new EdgeRuntime({
  initialCode: readFileSync(bundle, "utf8"),
  // As Next.js's edge sandbox does (packages/next/src/server/web/sandbox/context.ts, createProcessPolyfill):
  // the VM gets a `process` whose only real member is a copy of the environment, with NEXT_RUNTIME = "edge".
  extend: (context) => {
    context.process = { env: { ...process.env, NEXT_RUNTIME: "edge" } };
    return context;
  },
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function post(body, init = {}) {
  return runtime.dispatchFetch("http://edge.invalid/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...init,
  });
}

/** Reads a streaming reply until its first delta event, as a page would before the user leaves. */
async function readToFirstDelta(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  while (!seen.includes("event: delta")) {
    const { done, value } = await reader.read();
    if (done) throw new Error("the reply ended before its first delta");
    seen += decoder.decode(value, { stream: true });
  }
  return { reader, seen, decoder };
}

const turn = (content) => JSON.stringify({ messages: [{ role: "user", content }] });
const results = {};

// The client leaves by cancelling the body: Next.js stops pulling the route's stream.
{
  const response = await post(turn(slow));
  const { reader, seen } = await readToFirstDelta(response);
  const leftAt = Date.now();
  await reader.cancel();
  results.cancelBody = { status: response.status, seen, leftAt };
}

// The client leaves and Next.js aborts request.signal: the VM-realm controller is what the VM's Request accepts.
{
  const controller = runtime.evaluate("new AbortController()");
  const response = await post(turn(slow), { signal: controller.signal });
  const { reader, seen, decoder } = await readToFirstDelta(response);
  const leftAt = Date.now();
  controller.abort();
  let rest = "";
  for (let next = await reader.read(); !next.done; next = await reader.read()) rest += decoder.decode(next.value, { stream: true });
  results.abortSignal = { status: response.status, seen, rest, leftAt };
}

// Give the emulator time to see both connections close before the next request, which the test orders them against.
await sleep(1_000);

{
  const response = await post("{ not json");
  results.badBody = { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
}

{
  const response = await post(turn(seed));
  results.translate = { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
  await response.waitUntil();
}

console.log(RESULT_MARKER + JSON.stringify({ engine: `edge-runtime (EdgeRuntime=${runtime.context.EdgeRuntime})`, results }));
