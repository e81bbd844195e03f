// Page side of the worker runs: starts /worker.js as a dedicated, a shared and a service worker,
// asks each to run the key-guard scenarios, and turns the answers into named results.

const WORKER_TIMEOUT_MS = 15_000;

const KINDS = [
  ["dedicated worker", "DedicatedWorkerGlobalScope", (baseUrl) => askDedicated(baseUrl)],
  ["shared worker", "SharedWorkerGlobalScope", (baseUrl) => askShared(baseUrl)],
  ["service worker", "ServiceWorkerGlobalScope", (baseUrl) => askService(baseUrl)],
];

/** Results of every worker kind, each scenario prefixed with the kind it ran in. */
export async function runInWorkers(baseUrl) {
  const results = [];
  for (const [kind, expectedScope, ask] of KINDS) {
    try {
      const answer = await withTimeout(ask(baseUrl), `${kind} did not answer within ${WORKER_TIMEOUT_MS} ms`);
      const inScope = answer.scope === expectedScope && !answer.hasWindow;
      results.push({
        name: `${kind}: runs in a ${expectedScope}`,
        ok: inScope,
        ...(inScope ? {} : { error: `ran in ${answer.scope}${answer.hasWindow ? " with a window" : ""}` }),
      });
      for (const result of answer.results) results.push({ ...result, name: `${kind}: ${result.name}` });
    } catch (error) {
      results.push({ name: `${kind}: runs the key-guard scenarios`, ok: false, error: String(error?.message ?? error) });
    }
  }
  return results;
}

function withTimeout(promise, message) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), WORKER_TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function askDedicated(baseUrl) {
  return new Promise((resolve, reject) => {
    const worker = new Worker("/worker.js", { type: "module" });
    worker.onmessage = (event) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
    worker.postMessage({ baseUrl });
  });
}

function askShared(baseUrl) {
  return new Promise((resolve, reject) => {
    const worker = new SharedWorker("/worker.js", { type: "module" });
    worker.onerror = (event) => reject(new Error(`shared worker error: ${event.message ?? "failed to start"}`));
    worker.port.onmessage = (event) => {
      resolve(event.data);
      worker.port.close();
    };
    worker.port.start();
    worker.port.postMessage({ baseUrl });
  });
}

async function askService(baseUrl) {
  // localhost is a secure context, so service workers are available on the harness's origin.
  const registration = await navigator.serviceWorker.register("/worker.js", { type: "module", scope: "/" });
  try {
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (worker.state !== "activated") {
      await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "activated" && resolve()));
    }
    const channel = new MessageChannel();
    const answer = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
    worker.postMessage({ baseUrl }, [channel.port2]);
    return await answer;
  } finally {
    await registration.unregister();
  }
}
