// Vercel Edge wrapper, in the fetch-event style the edge-runtime VM dispatches to.
import { runSuite } from "../suite-entry.mjs";

addEventListener("fetch", (event) => {
  event.respondWith(
    (async () => {
      const { baseUrl } = await event.request.json();
      const output = await runSuite(baseUrl, `edge-runtime (EdgeRuntime=${globalThis.EdgeRuntime})`);
      return new Response(JSON.stringify(output), { headers: { "content-type": "application/json" } });
    })(),
  );
});
