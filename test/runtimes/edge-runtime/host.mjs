// Node host for the edge-runtime VM: `node host.mjs <bundle.js> <emulator-url>`. It runs in
// its own process so the VM's primitives are not mixed with the test runner's globals.
import { readFileSync } from "node:fs";
import { EdgeRuntime } from "edge-runtime";
import { RESULT_MARKER } from "../runtime-output.ts";

const [bundle, baseUrl] = process.argv.slice(2);
const runtime = new EdgeRuntime({ initialCode: readFileSync(bundle, "utf8") });
const response = await runtime.dispatchFetch("http://edge.invalid/run", {
  method: "POST",
  body: JSON.stringify({ baseUrl }),
});
const body = await response.text();
await response.waitUntil();
console.log(RESULT_MARKER + JSON.stringify(JSON.parse(body)));
