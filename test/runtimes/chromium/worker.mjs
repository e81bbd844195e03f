// Worker wrapper: one script for a dedicated, shared or service worker; runs the key-guard
// scenarios on request and answers with the worker kind its global really is.
import * as lib from "bedrock-edge";
import { runKeyGuardScenarios } from "./key-guard-scenarios.ts";

const is = (name) => typeof globalThis[name] === "function" && globalThis instanceof globalThis[name];
const scope = is("ServiceWorkerGlobalScope")
  ? "ServiceWorkerGlobalScope"
  : is("SharedWorkerGlobalScope")
    ? "SharedWorkerGlobalScope"
    : is("DedicatedWorkerGlobalScope")
      ? "DedicatedWorkerGlobalScope"
      : "unknown";

async function run(baseUrl) {
  return { scope, hasWindow: typeof globalThis.window !== "undefined", results: await runKeyGuardScenarios({ baseUrl, lib }) };
}

if (scope === "SharedWorkerGlobalScope") {
  globalThis.onconnect = (event) => {
    const port = event.ports[0];
    port.onmessage = async (message) => port.postMessage(await run(message.data.baseUrl));
  };
} else if (scope === "ServiceWorkerGlobalScope") {
  globalThis.addEventListener("install", () => globalThis.skipWaiting());
  globalThis.addEventListener("message", (event) => {
    event.waitUntil(run(event.data.baseUrl).then((out) => event.ports[0].postMessage(out)));
  });
} else {
  globalThis.onmessage = async (message) => globalThis.postMessage(await run(message.data.baseUrl));
}
