// Starts the emulator the runtime suite talks to, on loopback. This is the one place to
// change when the real emulator (src/testing/node.ts) takes over from the stand-in below.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningEmulator {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

// Browsers read these only when the emulator exposes them, as AWS does.
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-amzn-requestid, x-amzn-errortype, x-amzn-bedrock-content-type",
};

/** Stand-in: refuses every unsigned request as AWS does, and answers CORS preflights. */
function standIn(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "*",
      "access-control-max-age": "600",
    });
    response.end();
    return;
  }
  const signed = request.headers.authorization !== undefined;
  response.writeHead(signed ? 501 : 403, {
    ...CORS_HEADERS,
    "content-type": "application/json",
    "x-amzn-requestid": "00000000-0000-4000-8000-000000000000",
    "x-amzn-errortype": signed ? "NotImplemented" : "MissingAuthenticationTokenException",
  });
  response.end(JSON.stringify({ message: signed ? "The stand-in emulator does not model requests" : "Missing Authentication Token" }));
}

export async function startEmulatorServer(): Promise<RunningEmulator> {
  const server = createServer(standIn);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
