// Browser wrapper: the page at ?emulator=<url> runs the suite, then the key-guard scenarios in a
// dedicated, a shared and a service worker, and leaves the outcome on window.
import { runSuite } from "../suite-entry.mjs";
import { runInWorkers } from "./workers.mjs";

const baseUrl = new URL(location.href).searchParams.get("emulator");
window.bedrockEdgeRuntimeOutput = (async () => {
  const output = await runSuite(baseUrl, navigator.userAgent);
  output.results.push(...(await runInWorkers(baseUrl)));
  return JSON.stringify(output);
})();
