// Waits for a `workerd serve --control-fd=3` child to report its HTTP port (Node-only helper
// shared by `npm start`, the workerd test harnesses and the benchmarks).

/**
 * Resolves with the port of workerd's `http` socket, read from the JSON lines workerd writes to
 * fd 3. Rejects, with the child's output so far, if it exits first or takes over 30 s.
 * @param {import("node:child_process").ChildProcess} child spawned with stdio[3] as a pipe
 * @param {() => string} log the child's output so far, for error messages
 * @returns {Promise<number>}
 */
export function workerdListenPort(child, log) {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => fail(new Error("workerd did not start within 30 s")), 30_000);
    const fail = (error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${log()}`));
    };
    child.stdio[3].setEncoding("utf8").on("data", (chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const message = JSON.parse(line);
        if (message.event === "listen" && message.socket === "http" && message.port !== undefined) {
          clearTimeout(timer);
          resolve(message.port);
        }
      }
    });
    child.once("error", fail);
    child.once("exit", (code) => fail(new Error(`workerd exited with code ${code} before listening`)));
  });
}
