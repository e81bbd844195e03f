// AWS SDK v3 style commands, so `client.send(new ConverseCommand(input))` code ports by changing an import.
import type { ConverseRequest, ConverseStreamRequest, CountTokensRequest, CountTokensResponse } from "../wire/index.js";
import { BedrockRuntime, type CallOptions, type ConverseCommandOutput } from "./bedrock-runtime.js";
import { validateCallOptions } from "./options.js";
import type { ConverseStreamResponse } from "./stream-response.js";

export class ConverseCommand {
  readonly kind = "converse" as const;
  constructor(readonly input: ConverseRequest) {}
}

export class ConverseStreamCommand {
  readonly kind = "converseStream" as const;
  constructor(readonly input: ConverseStreamRequest) {}
}

export class CountTokensCommand {
  readonly kind = "countTokens" as const;
  constructor(readonly input: CountTokensRequest) {}
}

type Command = ConverseCommand | ConverseStreamCommand | CountTokensCommand;

/** Like the SDK's `ConverseStreamCommandOutput`: `stream` is async-iterable (and a ReadableStream). */
export type ConverseStreamCommandOutput = ConverseStreamResponse;

/**
 * `BedrockRuntime` with the AWS SDK's `send(command)` entry point.
 *
 * @example
 * ```ts
 * import { BedrockRuntimeClient, ConverseStreamCommand } from "bedrock-edge";
 * const client = new BedrockRuntimeClient({ region: "us-east-1", credentials });
 * const { stream } = await client.send(new ConverseStreamCommand({ modelId, messages }));
 * for await (const event of stream) console.log(event);
 * ```
 */
export class BedrockRuntimeClient extends BedrockRuntime {
  send(command: ConverseCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<ConverseCommandOutput>;
  send(command: ConverseStreamCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<ConverseStreamResponse>;
  send(command: CountTokensCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<CountTokensResponse>;
  async send(command: Command, options: CallOptions & { abortSignal?: AbortSignal } = {}): Promise<unknown> {
    // The SDK names the option `abortSignal`; accept both. Other call options pass as they are.
    validateCallOptions(options);
    const { abortSignal, ...rest } = options;
    const signal = rest.signal ?? abortSignal;
    const call: CallOptions = signal ? { ...rest, signal } : rest;
    switch (command.kind) {
      case "converse":
        return this.converse(command.input, call);
      case "converseStream":
        return this.converseStream(command.input, call);
      case "countTokens":
        return this.countTokens(command.input, call);
      default: {
        const never: never = command;
        throw new TypeError(`unknown command ${String((never as { kind?: unknown }).kind)}`);
      }
    }
  }
}
