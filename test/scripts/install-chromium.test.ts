// scripts/install-chromium.sh (run by `npm test`): uses what is there, installs through apt as root, else says what to do.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/install-chromium.sh", import.meta.url));
let dir: string;
let bin: string;

/** A bin folder holding only `cat` and the stand-ins a case writes, so the real apt-get and sudo are out of reach. */
function tool(name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

function run(env: Record<string, string> = {}) {
  const result = spawnSync("/bin/bash", [script], {
    encoding: "utf8",
    env: { PATH: bin, BEDROCK_EDGE_DEFAULT_CHROMIUM: join(dir, "chromium"), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "install-chromium-"));
  bin = join(dir, "bin");
  spawnSync("mkdir", [bin]);
  symlinkSync("/bin/cat", join(bin, "cat"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fakeChromium = (path: string) => `printf '#!/bin/bash\\necho Chromium 1.2.3\\n' > ${path}; /bin/chmod +x ${path}`;

describe("scripts/install-chromium.sh", () => {
  it("uses a Chromium that is already there, installing nothing", () => {
    tool("apt-get", `echo "apt-get $*" >> ${dir}/apt.log`);
    spawnSync("/bin/bash", ["-c", fakeChromium(join(dir, "chromium"))]);
    const out = run();
    expect(out).toMatchObject({ status: 0, stdout: `chromium present: ${dir}/chromium (Chromium 1.2.3)\n` });
    expect(existsSync(join(dir, "apt.log"))).toBe(false);
  });

  it("fails on a CHROMIUM_PATH that is not executable, naming it", () => {
    const out = run({ CHROMIUM_PATH: join(dir, "missing") });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`CHROMIUM_PATH=${dir}/missing is not an executable file`);
  });

  it("as root with apt-get: installs Debian's chromium, non-interactively", () => {
    tool("id", 'if [ "$1" = -u ]; then echo 0; else echo root; fi');
    tool("apt-get", `echo "apt-get $*" >> ${dir}/apt.log; if [ "$1" = install ]; then ${fakeChromium(join(dir, "chromium"))}; fi`);
    const out = run();
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`chromium present: ${dir}/chromium (Chromium 1.2.3)`);
    const calls = readFileSync(join(dir, "apt.log"), "utf8").trim().split("\n");
    expect(calls[0]).toBe("apt-get update -q");
    expect(calls[1]).toMatch(/^apt-get install -y -q .* chromium$/);
  });

  it("without apt-get: fails, saying how to install it or set CHROMIUM_PATH", () => {
    tool("id", 'if [ "$1" = -u ]; then echo 0; else echo root; fi');
    const out = run();
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("there is no apt-get here");
    expect(out.stderr).toContain("export CHROMIUM_PATH=");
  });

  it("not root and no passwordless sudo: fails, installing nothing", () => {
    tool("id", 'if [ "$1" = -u ]; then echo 1000; else echo dev; fi');
    tool("apt-get", `echo "apt-get $*" >> ${dir}/apt.log`);
    const out = run();
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("installing it needs root (or passwordless sudo), and this is user dev");
    expect(out.stderr).toContain("sudo apt-get install chromium");
    expect(existsSync(join(dir, "apt.log"))).toBe(false);
  });
});
