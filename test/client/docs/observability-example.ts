// test/client/docs/observability-example.ts: an OpenTelemetry-style span per call, and a console logger, from the client's hooks alone.
import type { ClientHooks } from "../../../src/index.js";

/** The few OpenTelemetry API members used here (`@opentelemetry/api`'s Tracer and Span fit). */
export interface Tracer {
  startSpan(name: string, options: { attributes: Record<string, string | number> }): Span;
}
export interface Span {
  setAttribute(key: string, value: string | number): void;
  addEvent(name: string, attributes: Record<string, string | number>): void;
  setStatus(status: { code: 1 | 2; message?: string }): void; // 1 = OK, 2 = ERROR
  end(): void;
}

/** One span per call (retries are events on it), named after the operation. */
export function tracingHooks(tracer: Tracer): ClientHooks {
  const spans = new Map<number, Span>();
  const finish = (callId: number, status: { code: 1 | 2; message?: string }) => {
    const span = spans.get(callId);
    spans.delete(callId);
    span?.setStatus(status);
    span?.end();
  };
  return {
    onRequest(e) {
      if (e.attempt > 1) return;
      spans.set(e.callId, tracer.startSpan(`bedrock ${e.operation}`, {
        attributes: { "rpc.system": "aws-api", "rpc.service": "BedrockRuntime", "rpc.method": e.operation,
          "gen_ai.system": "aws.bedrock", "gen_ai.request.model": e.modelId, "cloud.region": e.region },
      }));
    },
    onResponse(e) {
      const span = spans.get(e.callId);
      span?.setAttribute("http.response.status_code", e.status);
      if (e.requestId) span?.setAttribute("aws.request_id", e.requestId);
      if (e.usage?.inputTokens !== undefined) span?.setAttribute("gen_ai.usage.input_tokens", e.usage.inputTokens);
      if (e.usage?.outputTokens !== undefined) span?.setAttribute("gen_ai.usage.output_tokens", e.usage.outputTokens);
      // A stream's span stays open until its events end.
      if (e.status < 300 && e.operation !== "ConverseStream") finish(e.callId, { code: 1 });
    },
    onRetry(e) {
      spans.get(e.callId)?.addEvent("retry", { attempt: e.attempt, "error.type": e.errorName, delay_ms: e.delayMs });
    },
    onError(e) {
      spans.get(e.callId)?.setAttribute("error.type", e.errorName);
      finish(e.callId, { code: 2, message: e.errorName });
    },
    onStreamEnd(e) {
      const span = spans.get(e.callId);
      if (e.usage?.inputTokens !== undefined) span?.setAttribute("gen_ai.usage.input_tokens", e.usage.inputTokens);
      if (e.usage?.outputTokens !== undefined) span?.setAttribute("gen_ai.usage.output_tokens", e.usage.outputTokens);
      if (e.stopReason) span?.setAttribute("gen_ai.response.finish_reasons", e.stopReason);
      finish(e.callId, e.outcome === "error" ? { code: 2, message: e.errorName ?? "error" } : { code: 1 });
    },
  };
}

/** One line per event; nothing secret reaches it because the hooks carry nothing secret. */
export function loggingHooks(log: (line: string) => void = console.log): ClientHooks {
  const at = (e: { operation: string; callId: number; attempt: number }) => `${e.operation}#${e.callId} attempt ${e.attempt}`;
  return {
    onRequest: (e) => log(`${at(e)} → ${e.modelId} (${e.region})`),
    onResponse: (e) => log(`${at(e)} ← ${e.status} in ${e.latencyMs} ms ${e.requestId ?? ""}`.trimEnd()),
    onRetry: (e) => log(`${at(e)} ${e.errorName}, retrying in ${e.delayMs} ms`),
    onError: (e) => log(`${at(e)} failed: ${e.errorName} (${e.status ?? "no response"}) after ${e.latencyMs} ms`),
    onStreamEnd: (e) => log(`${at(e)} stream ${e.outcome}, ${e.usage?.totalTokens ?? "?"} tokens in ${e.latencyMs} ms`),
  };
}
