// The three consumer setups the published types must compile in, with skipLibCheck off.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./packed-package.js";

export interface TypeConsumer {
  name: string;
  /** compilerOptions.lib and compilerOptions.types of the consumer's tsconfig. */
  lib: string[];
  types: string[];
  /** Whether node_modules/@types exists at all in the consumer's project. */
  nodeTypesInstalled: boolean;
  /** Which of the package's entries the consumer imports. */
  entries(all: string[]): string[];
  /** Further compilerOptions of the consumer (on top of strict, skipLibCheck false). */
  options?: Record<string, unknown>;
  /** More consumer code, appended to the imports. */
  code?: string;
}

const NODE_ONLY = "bedrock-edge/testing/node";
const LANGCHAIN = "bedrock-edge/langchain";
const BROWSER_LIB = ["ES2022", "DOM", "DOM.Iterable"];
const WORKERS_TYPES = ["@cloudflare/workers-types"];

// @langchain/core 1.4's own declarations name `Symbol.asyncDispose` (utils/stream.d.ts), which
// lib ES2022 lacks and @types/node supplies; so without Node, bedrock-edge/langchain is checked
// in a second run that adds lib "ESNext.Disposable", as a LangChain project needs anyway.
export const typeConsumers: TypeConsumer[] = [
  {
    name: "browser: lib ES2022 + DOM, types []",
    lib: BROWSER_LIB,
    types: [],
    nodeTypesInstalled: false,
    entries: (all) => all.filter((e) => e !== NODE_ONLY && e !== LANGCHAIN),
  },
  {
    name: "Workers: lib ES2022, types @cloudflare/workers-types",
    lib: ["ES2022"],
    types: WORKERS_TYPES,
    nodeTypesInstalled: false,
    entries: (all) => all.filter((e) => e !== NODE_ONLY && e !== LANGCHAIN),
  },
  {
    name: "Node: lib ES2022, types node",
    lib: ["ES2022"],
    types: ["node"],
    nodeTypesInstalled: true,
    entries: (all) => all,
  },
  {
    // Stricter than strict: `x?: string` no longer takes `string | undefined`. bedrock-edge/langchain
    // is left out: @langchain/core 1.4's and langsmith's own declarations fail in this mode
    // (messages/ai.d.ts, tools/index.d.ts, run_trees.d.mts), whatever this package declares.
    name: "Node: lib ES2022, types node, exactOptionalPropertyTypes",
    lib: ["ES2022"],
    types: ["node"],
    nodeTypesInstalled: true,
    entries: (all) => all.filter((e) => e !== LANGCHAIN),
    options: { exactOptionalPropertyTypes: true },
    // An optional value read from the environment is `string | undefined`: it must still fit.
    code: 'import type { AwsCredentials } from "bedrock-edge";\nexport const fromEnv: AwsCredentials = { accessKeyId: "a", secretAccessKey: "b", sessionToken: process.env.AWS_SESSION_TOKEN };',
  },
  {
    name: "browser + ESNext.Disposable: bedrock-edge/langchain",
    lib: [...BROWSER_LIB, "ESNext.Disposable"],
    types: [],
    nodeTypesInstalled: false,
    entries: () => [LANGCHAIN],
  },
  {
    name: "Workers + ESNext.Disposable: bedrock-edge/langchain",
    lib: ["ES2022", "ESNext.Disposable"],
    types: WORKERS_TYPES,
    nodeTypesInstalled: false,
    entries: () => [LANGCHAIN],
  },
];

/** A file that imports every entry, and names each namespace's type so none is elided. */
export function consumerSource(entries: string[]): string {
  const lines = entries.map((entry, i) => `import * as entry${i} from ${JSON.stringify(entry)};`);
  lines.push(`export type Everything = [${entries.map((_, i) => `typeof entry${i}`).join(", ")}];`);
  return `${lines.join("\n")}\n`;
}

export interface TscRun {
  status: number | null;
  output: string;
  /** Files the program read, to show which came from @types/node. */
  files: string[];
}

/** Writes tsconfig.json and index.ts into `dir` and runs the repository's tsc there. */
export function runTsc(dir: string, consumer: TypeConsumer, entries: string[]): TscRun {
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: consumer.lib,
      types: consumer.types,
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      ...consumer.options,
    },
    files: ["index.ts"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(dir, "index.ts"), consumerSource(entries) + (consumer.code ? `${consumer.code}\n` : ""));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json", "--listFiles", "--pretty", "false"], {
    cwd: dir,
    encoding: "utf8",
  });
  const lines = result.stdout.split("\n").filter((line) => line !== "");
  const isFile = (line: string) => line.startsWith("/") && !line.includes("): error");
  return {
    status: result.status,
    output: lines.filter((line) => !isFile(line)).join("\n") + result.stderr,
    files: lines.filter(isFile),
  };
}
