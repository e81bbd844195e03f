// Fails when code under src/ reaches for Node-only APIs that edge runtimes lack.
// Allowed: src/testing/node.ts (the documented Node-only emulator launcher) and
// `process` only inside src/runtime.ts, which guards every access.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// The tree to check: the repo by default, or the directory given (tests use a fixture tree).
const root = process.argv[2] ?? new URL("..", import.meta.url).pathname;
const NODE_ONLY = new Set(["src/testing/node.ts"]);
const PROCESS_ALLOWED = new Set(["src/runtime.ts"]);

const rules = [
  { name: "node: import", re: /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']node:/ },
  { name: "bare Node builtin import", re: /from\s+["'](?:fs|path|os|crypto|buffer|stream|http|https|net|child_process|url|util|zlib)(?:\/[^"']*)?["']/ },
  { name: "Buffer", re: /\bBuffer\s*[.(]/ },
  { name: "unguarded process", re: /\bprocess\s*\.\s*(?:env|argv|exit|cwd|versions|nextTick|stdout|stderr)\b/, skip: PROCESS_ALLOWED },
];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const stripComments = (s) => s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

const problems = [];
for (const file of walk(join(root, "src"))) {
  if (!/\.(ts|mts|js|mjs)$/.test(file)) continue;
  const rel = relative(root, file);
  if (NODE_ONLY.has(rel)) continue;
  const lines = stripComments(readFileSync(file, "utf8")).split("\n");
  lines.forEach((line, i) => {
    for (const rule of rules) {
      if (rule.skip?.has(rel)) continue;
      if (rule.re.test(line)) problems.push(`${rel}:${i + 1}: ${rule.name}: ${line.trim()}`);
    }
  });
}

if (problems.length) {
  console.error("src/ must use Web APIs only. Found:\n" + problems.join("\n"));
  process.exit(1);
}
console.log("check-web-only: src/ uses Web APIs only");
