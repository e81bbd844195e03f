// Node-only launcher (`bedrock-edge/testing/node`): serves the emulator over loopback HTTP with node:http.
// Everything else in src/ uses Web APIs only; this file is the documented exception.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createBedrockEmulator, type BedrockEmulator, type EmulatorOptions } from "./emulator.js";

export { EMULATOR_API_KEY, EMULATOR_CREDENTIALS, EMULATOR_REGION, EMULATOR_SESSION_CREDENTIALS } from "./auth/index.js";

export interface StartEmulatorOptions extends EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Loopback address to bind (default "127.0.0.1"); other addresses are refused. */
  host?: string;
  /** Serve this emulator instead of creating one from the options. */
  emulator?: BedrockEmulator;
}

export interface RunningEmulator {
  /** Base URL to pass as the client's `endpoint`, e.g. `http://127.0.0.1:50123`. */
  url: string;
  port: number;
  emulator: BedrockEmulator;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/;

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : new Uint8Array(Buffer.concat(chunks));
  return new Request(new URL(req.url ?? "/", base), { method, headers, ...(body ? { body } : {}) });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  res.flushHeaders();
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => {
    if (!res.writableFinished) void reader.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch {
    // A "cut" fault (or a client that went away): drop the socket mid-body, as a reset connection would.
    res.destroy();
  }
}

/**
 * Starts the emulator on loopback. Node only.
 *
 * @example
 * const { url, close } = await startEmulator();
 * const client = new BedrockRuntime({ region: "us-east-1", endpoint: url, credentials: EMULATOR_CREDENTIALS });
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = "127.0.0.1", emulator: given, ...emulatorOptions } = options;
  if (!LOOPBACK.test(host)) throw new TypeError(`startEmulator: host must be a loopback address, got "${host}"`);
  const emulator = given ?? createBedrockEmulator(emulatorOptions);
  let base = "";
  const server = createServer((req, res) => {
    req.socket.setNoDelay(true);
    // req.url is the raw request target: keep its path for signature checks before URL parsing normalises it.
    const rawPath = (req.url ?? "/").split("?")[0]!;
    toRequest(req, base)
      .then((request) => emulator.handle(request, { rawPath }))
      .then((response) => send(response, res))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  base = `http://${shownHost}:${address.port}`;
  return {
    url: base,
    port: address.port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
