// Starts the emulator the runtime suite talks to, on loopback, with two test-only routes the
// scenarios use from inside each runtime: one hands out temporary credentials (as a backend
// would hand them to a browser), one arms a fault (so a runtime can provoke throttling).
import { createBedrockEmulator, EMULATOR_SESSION_CREDENTIALS, type Fault } from "../../src/testing/index.js";
import { startEmulator } from "../../src/testing/node.js";

export interface RunningEmulator {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });

export async function startEmulatorServer(): Promise<RunningEmulator> {
  const emulator = createBedrockEmulator({
    // Unauthenticated Cognito identities, as a browser app without sign-in would use.
    cognito: { allowUnauthenticated: true },
    routes: [
      (request) => {
        const path = new URL(request.url).pathname;
        if (path === "/__test/credentials" && request.method === "GET") {
          const { accessKeyId, secretAccessKey, sessionToken } = EMULATOR_SESSION_CREDENTIALS;
          return json({ accessKeyId, secretAccessKey, sessionToken });
        }
        return undefined;
      },
      async (request, { body }) => {
        const path = new URL(request.url).pathname;
        if (path !== "/__test/fault" || request.method !== "POST") return undefined;
        emulator.fault(JSON.parse(new TextDecoder().decode(body)) as Fault);
        return json({ armed: true });
      },
    ],
  });
  const server = await startEmulator({ emulator });
  return { url: server.url, close: () => server.close() };
}
