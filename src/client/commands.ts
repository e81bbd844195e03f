// AWS SDK v3 style commands, so `client.send(new ConverseCommand(input))` code ports by changing an import.
import type {
  ApplyGuardrailCommandOutput,
  ApplyGuardrailRequest,
  ConverseRequest,
  ConverseStreamRequest,
  CountTokensRequest,
  CountTokensResponse,
  GetAsyncInvokeCommandOutput,
  GetAsyncInvokeRequest,
  InvokeModelCommandOutput,
  InvokeModelRequest,
  InvokeModelWithResponseStreamRequest,
  ListAsyncInvokesCommandOutput,
  ListAsyncInvokesRequest,
  StartAsyncInvokeCommandOutput,
  StartAsyncInvokeRequest,
} from "../wire/index.js";
import { BedrockRuntime, type CallOptions, type ConverseCommandOutput } from "./bedrock-runtime.js";
import { validateCallOptions } from "./options.js";
import type { ConverseStreamResponse } from "./stream-response.js";
import type { InvokeModelWithResponseStreamResponse } from "./invoke-stream-response.js";
import { getAsyncInvoke } from "./operations/get-async-invoke.js";
import { listAsyncInvokes } from "./operations/list-async-invokes.js";
import { startAsyncInvoke } from "./operations/start-async-invoke.js";

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

export class InvokeModelCommand {
  readonly kind = "invokeModel" as const;
  constructor(readonly input: InvokeModelRequest) {}
}

export class InvokeModelWithResponseStreamCommand {
  readonly kind = "invokeModelWithResponseStream" as const;
  constructor(readonly input: InvokeModelWithResponseStreamRequest) {}
}

export class ApplyGuardrailCommand {
  readonly kind = "applyGuardrail" as const;
  constructor(readonly input: ApplyGuardrailRequest) {}
}

export class StartAsyncInvokeCommand {
  readonly kind = "startAsyncInvoke" as const;
  constructor(readonly input: StartAsyncInvokeRequest) {}
}

export class GetAsyncInvokeCommand {
  readonly kind = "getAsyncInvoke" as const;
  constructor(readonly input: GetAsyncInvokeRequest) {}
}

export class ListAsyncInvokesCommand {
  readonly kind = "listAsyncInvokes" as const;
  constructor(readonly input: ListAsyncInvokesRequest = {}) {}
}

type Command =
  | ConverseCommand
  | ConverseStreamCommand
  | CountTokensCommand
  | InvokeModelCommand
  | InvokeModelWithResponseStreamCommand
  | ApplyGuardrailCommand
  | StartAsyncInvokeCommand
  | GetAsyncInvokeCommand
  | ListAsyncInvokesCommand;

/** Like the SDK's `ConverseStreamCommandOutput`: `stream` is async-iterable (and a ReadableStream). */
export type ConverseStreamCommandOutput = ConverseStreamResponse;

/** Like the SDK's `InvokeModelWithResponseStreamCommandOutput`: `body` is the async-iterable events. */
export type InvokeModelWithResponseStreamCommandOutput = InvokeModelWithResponseStreamResponse;

/**
 * `BedrockRuntime` with the AWS SDK's `send(command)` entry point, and the async-invoke operations as
 * methods too (here rather than on BedrockRuntime, whose bundle stays without them).
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
  /** Starts an asynchronous invocation (Nova Reel, Marengo); resolves to its `invocationArn`. */
  startAsyncInvoke(request: StartAsyncInvokeRequest, options?: CallOptions): Promise<StartAsyncInvokeCommandOutput> {
    return startAsyncInvoke(this.client, request, options);
  }

  /** Reads an asynchronous invocation: status, times as Dates, output location. */
  getAsyncInvoke(request: GetAsyncInvokeRequest, options?: CallOptions): Promise<GetAsyncInvokeCommandOutput> {
    return getAsyncInvoke(this.client, request, options);
  }

  /** Lists asynchronous invocations, a page at a time (`nextToken`). */
  listAsyncInvokes(request?: ListAsyncInvokesRequest, options?: CallOptions): Promise<ListAsyncInvokesCommandOutput> {
    return listAsyncInvokes(this.client, request, options);
  }

  send(command: ConverseCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<ConverseCommandOutput>;
  send(command: ConverseStreamCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<ConverseStreamResponse>;
  send(command: CountTokensCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<CountTokensResponse>;
  send(command: InvokeModelCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<InvokeModelCommandOutput>;
  send(
    command: InvokeModelWithResponseStreamCommand,
    options?: CallOptions & { abortSignal?: AbortSignal },
  ): Promise<InvokeModelWithResponseStreamResponse>;
  send(command: ApplyGuardrailCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<ApplyGuardrailCommandOutput>;
  send(command: StartAsyncInvokeCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<StartAsyncInvokeCommandOutput>;
  send(command: GetAsyncInvokeCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<GetAsyncInvokeCommandOutput>;
  send(command: ListAsyncInvokesCommand, options?: CallOptions & { abortSignal?: AbortSignal }): Promise<ListAsyncInvokesCommandOutput>;
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
      case "invokeModel":
        return this.invokeModel(command.input, call);
      case "invokeModelWithResponseStream":
        return this.invokeModelWithResponseStream(command.input, call);
      case "applyGuardrail":
        return this.applyGuardrail(command.input, call);
      case "startAsyncInvoke":
        return this.startAsyncInvoke(command.input, call);
      case "getAsyncInvoke":
        return this.getAsyncInvoke(command.input, call);
      case "listAsyncInvokes":
        return this.listAsyncInvokes(command.input, call);
      default: {
        const never: never = command;
        throw new TypeError(`unknown command ${String((never as { kind?: unknown }).kind)}`);
      }
    }
  }
}
