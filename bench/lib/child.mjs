// Persistent child processes driven over IPC, so contenders run interleaved yet never share a heap.
import { fork } from "node:child_process";

/**
 * Forks `script` with `args`; `call(message)` sends one request and resolves with the child's
 * reply. The child answers each message with one `process.send`. `close()` ends it.
 */
export function startChild(script, args = [], execArgv = []) {
  const child = fork(script, args, { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let pending;
  child.on("message", (message) => {
    const settle = pending;
    pending = undefined;
    if (message?.error) settle?.reject(new Error(`${script} ${args.join(" ")}: ${message.error}`));
    else settle?.resolve(message);
  });
  child.on("exit", (code) => pending?.reject(new Error(`${script} ${args.join(" ")} exited with ${code}`)));
  return {
    call(message) {
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.send(message);
      });
    },
    close() {
      child.disconnect();
    },
  };
}

/** The child side: answers every message with `await handle(message)`, or `{ error }`. */
export function serve(handle) {
  process.on("message", async (message) => {
    try {
      process.send(await handle(message));
    } catch (error) {
      process.send({ error: String(error?.stack ?? error) });
    }
  });
}
