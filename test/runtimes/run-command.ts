// Runs a command-line runtime and reads the one results line its wrapper prints.
import { spawn } from "node:child_process";
import { RESULT_MARKER, type RuntimeOutput } from "./runtime-output.js";

export interface CommandOptions {
  cwd: string;
  env?: Record<string, string>;
  timeoutMs: number;
}

/** Spawns `command`, kills it past the deadline, and parses the marker line from stdout. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<RuntimeOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} timed out after ${options.timeoutMs} ms\n${tail(stdout + stderr)}`));
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
      if (line === undefined) {
        const how = signal ? `signal ${signal}` : `code ${code}`;
        reject(new Error(`${command} exited (${how}) without results\n${tail(stdout + stderr)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as RuntimeOutput);
    });
  });
}

const tail = (text: string): string => text.split("\n").slice(-30).join("\n");
