// The machine and package versions a bench run used, for the report's header.
import { readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

function version(name) {
  try {
    return JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;
  } catch {
    return "not installed";
  }
}

export const PACKAGES = [
  "@aws-sdk/client-bedrock-runtime",
  "@ai-sdk/amazon-bedrock",
  "ai",
  "@langchain/aws",
  "@langchain/core",
  "aws4fetch",
  "@smithy/signature-v4",
  "esbuild",
  "workerd",
];

export function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(", "),
    ours: `bedrock-edge ${JSON.parse(readFileSync(`${root}package.json`, "utf8")).version}`,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, version(name)])),
  };
}
