// Serves the test page, its bundle and its worker script from a localhost origin of its own, so calls to the
// emulator (on 127.0.0.1) are cross-origin and go through CORS as they would in production.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>bedrock-edge runtime suite</title></head>
<body><script type="module" src="/page.js"></script></body></html>`;

export async function servePage(bundleFile: string, workerFile: string): Promise<{ origin: string; close(): Promise<void> }> {
  const bundle = readFileSync(bundleFile);
  const worker = readFileSync(workerFile);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (path === "/page.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    } else if (path === "/worker.js") {
      // Same origin as the page, as dedicated, shared and service worker scripts must be.
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(worker);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
