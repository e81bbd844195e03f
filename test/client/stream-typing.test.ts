// `stream` types and behaves as the AWS SDK's: AWS SDK code compiles under DOM libs, and `for await` works even where the platform's stream has no async iterator.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { BedrockRuntimeClient, ConverseStreamCommand } from "../../src/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

// What a browser or Workers project compiles with: DOM types, no @types/node (which would make
// ReadableStream async-iterable and hide the problem).
const DOM_OPTIONS: ts.CompilerOptions = {
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  noEmit: true,
};

// Kept in memory: the project's own tsc run (which includes test/) must not see it fail.
const PLAIN_STREAM = `declare const stream: ReadableStream<number>;
export async function sum() { let t = 0; for await (const n of stream) t += n; return t; }
`;

function diagnostics(file: string, text?: string): string[] {
  const host = ts.createCompilerHost(DOM_OPTIONS);
  if (text !== undefined) {
    const { getSourceFile, fileExists } = host;
    host.fileExists = (name) => name === file || fileExists(name);
    host.getSourceFile = (name, version, ...rest) =>
      name === file ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, ...rest);
  }
  const program = ts.createProgram([file], DOM_OPTIONS, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

const fixture = (name: string) => fileURLToPath(new URL(`types/${name}`, import.meta.url));

describe("types under lib ES2022 + DOM + DOM.Iterable", () => {
  it("the options reproduce TS2504 for a plain ReadableStream (so the next test can fail)", () => {
    expect(diagnostics(fixture("plain-stream.ts"), PLAIN_STREAM).join("\n")).toMatch(/TS2504/);
  });

  it("the README's AWS SDK porting snippet compiles unchanged, and `stream` is still a ReadableStream", () => {
    expect(diagnostics(fixture("sdk-port.ts"))).toEqual([]);
  }, 60_000);
});

describe("`stream` at run time", () => {
  const emulator = createBedrockEmulator();
  const client = new BedrockRuntimeClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch });
  const command = () =>
    new ConverseStreamCommand({ modelId: "us.amazon.nova-micro-v1:0", messages: [{ role: "user", content: [{ text: "I love programming." }] }] });

  async function streamWithoutPlatformIterator() {
    const descriptor = Object.getOwnPropertyDescriptor(ReadableStream.prototype, Symbol.asyncIterator)!;
    // A platform without ReadableStream async iteration (Safari before 18.4).
    delete (ReadableStream.prototype as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator];
    try {
      return (await client.send(command())).stream;
    } finally {
      Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, descriptor);
    }
  }

  it("is a ReadableStream and iterates with the platform's iterator", async () => {
    const { stream } = await client.send(command());
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(Object.hasOwn(stream, Symbol.asyncIterator)).toBe(false);
    const kinds: string[] = [];
    for await (const event of stream) kinds.push(Object.keys(event)[0]!);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.at(-1)).toBe("metadata");
  });

  it("gets its own iterator where the platform has none, reading every event", async () => {
    const stream = await streamWithoutPlatformIterator();
    expect(Object.hasOwn(stream, Symbol.asyncIterator)).toBe(true);
    let text = "";
    let count = 0;
    for await (const event of stream) {
      count++;
      text += event.contentBlockDelta?.delta?.text ?? "";
    }
    expect(count).toBeGreaterThan(4);
    expect(text.length).toBeGreaterThan(0);
    expect(stream.locked).toBe(false);
  });

  it("that iterator cancels the stream on break", async () => {
    const stream = await streamWithoutPlatformIterator();
    for await (const event of stream) {
      expect(event.messageStart).toBeDefined();
      break;
    }
    // Cancelled and unlocked: a new reader reads the end at once.
    expect(stream.locked).toBe(false);
    expect(await stream.getReader().read()).toEqual({ done: true, value: undefined });
  });
});
