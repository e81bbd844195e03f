// Maps a raw request path to a Bedrock Runtime operation and model ID (or guardrail and version).
import type { EmulatorOperation } from "../types.js";

export interface Route {
  operation: EmulatorOperation;
  /** The method the operation takes: GET for GetAsyncInvoke and ListAsyncInvokes, POST for the rest. */
  method: "GET" | "POST";
  /** Decoded once: `us.amazon.nova-micro-v1%3A0` → `us.amazon.nova-micro-v1:0`. */
  modelId: string;
  /** ApplyGuardrail's version segment (its `modelId` is the guardrail identifier). */
  guardrailVersion?: string;
}

// A raw "/" inside the model ID makes an extra segment and matches nothing, as on AWS.
const PATH = /^\/model\/([^/]+)\/(converse|converse-stream|count-tokens|invoke|invoke-with-response-stream)$/;
const GUARDRAIL_PATH = /^\/guardrail\/([^/]+)\/version\/([^/]+)\/apply$/;
// The invocation ARN is one segment: its own "/" arrives as %2F, a raw one matches nothing.
const ASYNC_INVOKE_PATH = /^\/async-invoke\/([^/]+)$/;

/** `method` picks between the operations that share `/async-invoke` (POST starts a job, GET lists them). */
export function parseRoute(rawPath: string, method = "POST"): Route | undefined {
  // Bedrock Agent Runtime's Rerank (its own host; the model is in the body).
  if (rawPath === "/rerank") return { operation: "rerank", method: "POST", modelId: "" };
  if (rawPath === "/async-invoke") {
    return method === "GET" ? { operation: "list-async-invokes", method: "GET", modelId: "" } : { operation: "start-async-invoke", method: "POST", modelId: "" };
  }
  try {
    const job = ASYNC_INVOKE_PATH.exec(rawPath);
    if (job) return { operation: "get-async-invoke", method: "GET", modelId: decodeURIComponent(job[1]!) };
    const guardrail = GUARDRAIL_PATH.exec(rawPath);
    if (guardrail) {
      return { operation: "apply-guardrail", method: "POST", modelId: decodeURIComponent(guardrail[1]!), guardrailVersion: decodeURIComponent(guardrail[2]!) };
    }
    const match = PATH.exec(rawPath);
    if (!match) return undefined;
    return { operation: match[2] as EmulatorOperation, method: "POST", modelId: decodeURIComponent(match[1]!) };
  } catch {
    return undefined; // malformed percent-encoding
  }
}
