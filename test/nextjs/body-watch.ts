// Serves an emulator with every response body watched, so a test can tell a body read to its end from one the client cancelled.
import type { BedrockEmulator } from "../../src/testing/index.js";

/** What became of one response body, by the emulator's request ID. */
export interface BodyFate {
  requestId: string;
  /** Chunks handed to the socket before the body finished or was cancelled. */
  chunksSent: number;
  state: "open" | "finished" | "cancelled";
  /** Date.now() when the launcher cancelled the body (the client's connection closed). */
  cancelledAt?: number;
}

/**
 * An emulator whose `handle` passes each body through a watcher: `startEmulator({ emulator })`
 * cancels a body when the client's socket closes early, and the watcher records it. Requests
 * themselves stay on `emulator.requests` of the original.
 */
export function watchBodies(emulator: BedrockEmulator): { watched: BedrockEmulator; fates: BodyFate[] } {
  const fates: BodyFate[] = [];
  const handle: BedrockEmulator["handle"] = async (request, context) => {
    const response = await emulator.handle(request, context);
    if (!response.body) return response;
    const fate: BodyFate = { requestId: response.headers.get("x-amzn-requestid") ?? "", chunksSent: 0, state: "open" };
    fates.push(fate);
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader.read();
          // A read pending when the body is cancelled settles as done: that is no finish.
          if (fate.state === "cancelled") return;
          if (done) {
            fate.state = "finished";
            controller.close();
            return;
          }
          fate.chunksSent++;
          controller.enqueue(value);
        },
        cancel(reason) {
          fate.state = "cancelled";
          fate.cancelledAt = Date.now();
          return reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const watched: BedrockEmulator = { ...emulator, handle, fetch: (request) => handle(request) };
  return { watched, fates };
}
