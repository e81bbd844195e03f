// edge-runtime wrapper, in the fetch-event style the VM dispatches (read by test/runtimes/edge-runtime/host.mjs).
import { runScenario } from "./scenario.js";

declare const EdgeRuntime: string | undefined;
interface FetchEvent extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

addEventListener("fetch", (event) => {
  const e = event as FetchEvent;
  e.respondWith(
    (async () => {
      const { baseUrl } = (await e.request.json()) as { baseUrl: string };
      try {
        return Response.json({ ok: true, engine: `edge-runtime (EdgeRuntime=${EdgeRuntime})`, report: await runScenario(baseUrl) });
      } catch (error) {
        const err = error as Error;
        return Response.json({ ok: false, error: `${err.name}: ${err.message}`, stack: err.stack });
      }
    })(),
  );
});
