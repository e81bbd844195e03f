// The observability seam: what the client reports per call and attempt, and a runner that keeps hooks from breaking calls.
import { BedrockInputError } from "../errors/exceptions.js";
import type { TokenUsage } from "../wire/index.js";

/** The AWS operation names (what OpenTelemetry calls `rpc.method`). */
export type OperationName =
  | "Converse"
  | "ConverseStream"
  | "CountTokens"
  | "InvokeModel"
  | "InvokeModelWithResponseStream"
  | "ApplyGuardrail"
  | "Rerank"
  | "StartAsyncInvoke"
  | "GetAsyncInvoke"
  | "ListAsyncInvokes";

/** Present in every hook event. Plain data: no credentials, header values or bodies. */
export interface CallEvent {
  operation: OperationName;
  /** The model ID; for ApplyGuardrail, the guardrail identifier; for GetAsyncInvoke, the invocation ARN; for ListAsyncInvokes, "". */
  modelId: string;
  region: string;
  /** Numbers the calls of one client, so events of concurrent calls can be told apart. */
  callId: number;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

/** An attempt is about to go out (signed, if SigV4). */
export interface RequestEvent extends CallEvent {}

/** An attempt got its answer: a 2xx (after the JSON body, or a stream's first event) or an error status. */
export interface ResponseEvent extends CallEvent {
  status: number;
  requestId: string | undefined;
  /** From sending the attempt to reading its answer. */
  latencyMs: number;
  /** Converse's token usage (streams report theirs in `onStreamEnd`). */
  usage?: TokenUsage | undefined;
}

/** An attempt failed and another follows after `delayMs`. */
export interface RetryEvent extends CallEvent {
  /** The failure's name (`ThrottlingException`, `NetworkError`, …), never its message. */
  errorName: string;
  status: number | undefined;
  requestId: string | undefined;
  delayMs: number;
  /** `clock-skew`: the signature's time was refused and the client corrected its clock. */
  reason: "retryable" | "clock-skew";
}

/** The call failed for good (after its last attempt). Input errors thrown before any attempt are not reported. */
export interface FailureEvent extends CallEvent {
  errorName: string;
  status: number | undefined;
  requestId: string | undefined;
  retryable: boolean;
  /** From the call's start to its failure, retries included. */
  latencyMs: number;
}

/** A ConverseStream's events ended: read to the end, failed, or cancelled by the reader. */
export interface StreamEndEvent extends CallEvent {
  outcome: "completed" | "error" | "cancelled";
  requestId: string | undefined;
  /** From the call's start to the stream's end. */
  latencyMs: number;
  /** From the `metadata` event, when it arrived. */
  usage?: TokenUsage | undefined;
  stopReason?: string | undefined;
  /** Set when `outcome` is `error`. */
  errorName?: string | undefined;
}

/**
 * Called synchronously as things happen. A hook that throws (or returns a rejected promise)
 * does not affect the call; the first failure of each hook is reported once with console.warn.
 */
export interface ClientHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
  onError?(event: FailureEvent): void;
  onStreamEnd?(event: StreamEndEvent): void;
}

export type HookName = keyof ClientHooks;
type EventOf<N extends HookName> = Parameters<NonNullable<ClientHooks[N]>>[0];

const HOOK_NAMES: readonly HookName[] = ["onRequest", "onResponse", "onRetry", "onError", "onStreamEnd"];

export function validateHooks(hooks: unknown): void {
  if (hooks === undefined) return;
  if (hooks === null || typeof hooks !== "object") throw new BedrockInputError("hooks must be an object of functions");
  for (const name of HOOK_NAMES) {
    const hook = (hooks as Record<string, unknown>)[name];
    if (hook !== undefined && typeof hook !== "function") throw new BedrockInputError(`hooks.${name} must be a function`);
  }
}

export interface HookRunner {
  readonly active: boolean;
  emit<N extends HookName>(name: N, event: EventOf<N>): void;
}

/** Runs hooks with each event frozen, swallowing what they throw. */
export function hookRunner(hooks: ClientHooks | undefined): HookRunner {
  const reported = new Set<HookName>();
  const report = (name: HookName, error: unknown) => {
    if (reported.has(name)) return;
    reported.add(name);
    const what = error instanceof Error ? error.name : typeof error;
    console.warn(`[bedrock-edge] the ${name} hook threw (${what}); hook failures are ignored and reported once per hook`);
  };
  return {
    active: hooks !== undefined && HOOK_NAMES.some((name) => hooks[name] !== undefined),
    emit(name, event) {
      const hook = hooks?.[name] as ((event: unknown) => unknown) | undefined;
      if (!hook) return;
      try {
        const result = hook.call(hooks, Object.freeze(event));
        if (result !== null && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
          (result as PromiseLike<unknown>).then(undefined, (error: unknown) => report(name, error));
        }
      } catch (error) {
        report(name, error);
      }
    },
  };
}
