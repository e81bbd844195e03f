// Worker wrapper: POST {"baseUrl"} to it and it answers with the suite's results and which Node globals it sees.
import { runSuite } from "../suite-entry.mjs";

// A computed specifier, so the bundler leaves it to workerd, which resolves node:* only with nodejs_compat.
const asyncHooks = ["node", "async_hooks"].join(":");

async function nodeGlobals() {
  let hasAsyncHooks = false;
  try {
    hasAsyncHooks = typeof (await import(asyncHooks)).AsyncLocalStorage === "function";
  } catch {
    hasAsyncHooks = false;
  }
  return { Buffer: typeof globalThis.Buffer === "function", process: typeof globalThis.process === "object", asyncHooks: hasAsyncHooks };
}

export default {
  /** @param {Request} request */
  async fetch(request) {
    const { baseUrl } = await request.json();
    return Response.json({ ...(await runSuite(baseUrl, navigator.userAgent)), globals: await nodeGlobals() });
  },
};
