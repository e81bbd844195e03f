// Rejects malformed InvokeModel(WithResponseStream) and ApplyGuardrail requests before any network call, naming the field.
import type { ApplyGuardrailRequest } from "../types/apply-guardrail.js";
import type { InvokeModelRequest } from "../types/invoke.js";
import { modelIdProblem } from "../serde/model-path.js";
import { blob, fail, list, oneOfValues, record, string, unionKind } from "./validate-helpers.js";
import { checkJsonValue } from "./validate-json.js";

// The enums of the service model (botocore bedrock-runtime service-2.json: Trace,
// PerformanceConfigLatency, ServiceTierType, GuardrailContentSource, GuardrailOutputScope, …).
const TRACE = { ENABLED: "ENABLED", DISABLED: "DISABLED", ENABLED_FULL: "ENABLED_FULL" };
const LATENCY = { STANDARD: "standard", OPTIMIZED: "optimized" };
const TIER = { DEFAULT: "default", FLEX: "flex", PRIORITY: "priority", RESERVED: "reserved" };
const SOURCE = { INPUT: "INPUT", OUTPUT: "OUTPUT" };
const SCOPE = { INTERVENTIONS: "INTERVENTIONS", FULL: "FULL" };
const QUALIFIER = { GROUNDING_SOURCE: "grounding_source", QUERY: "query", GUARD_CONTENT: "guard_content" };
const IMAGE_FORMAT = { PNG: "png", JPEG: "jpeg" };

/**
 * An InvokeModel or InvokeModelWithResponseStream request: `modelId` (as for Converse), `body`
 * bytes, a string or a JSON value JSON.stringify can write, the header members strings (the
 * enums among them one of their values), and a `guardrailVersion` only with its identifier.
 * What the body must hold is the model's business, checked by Bedrock.
 */
export function validateInvokeModelRequest(request: InvokeModelRequest): void {
  const req = record(request, "request");
  if (req.modelId === undefined || req.modelId === null || (typeof req.modelId === "string" && req.modelId.trim() === "")) {
    fail("", "modelId is required (a model ID, inference profile ID or ARN)");
  }
  string(req.modelId, "modelId", true);
  const problem = modelIdProblem(req.modelId as string);
  if (problem !== undefined) fail("modelId", problem);
  const body = req.body;
  if (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) {
    if (body === null || typeof body !== "object") fail("body", "must be bytes, a string, or an object or array to send as JSON");
    checkJsonValue(body, "body");
  }
  string(req.contentType, "contentType", false);
  string(req.accept, "accept", false);
  oneOfValues(req.trace, "trace", TRACE, false);
  string(req.guardrailIdentifier, "guardrailIdentifier", false);
  string(req.guardrailVersion, "guardrailVersion", false);
  if (req.guardrailVersion !== undefined && req.guardrailIdentifier === undefined) {
    fail("guardrailVersion", "is set without guardrailIdentifier");
  }
  oneOfValues(req.performanceConfigLatency, "performanceConfigLatency", LATENCY, false);
  oneOfValues(req.serviceTier, "serviceTier", TIER, false);
}

/** An ApplyGuardrail request: both IDs, `source`, and `content` blocks of text or images, each well formed. */
export function validateApplyGuardrailRequest(request: ApplyGuardrailRequest): void {
  const req = record(request, "request");
  for (const field of ["guardrailIdentifier", "guardrailVersion"] as const) {
    string(req[field], field, true);
    if ((req[field] as string).trim() === "") fail(field, "is required");
    const problem = modelIdProblem(req[field] as string);
    if (problem !== undefined) fail(field, problem);
  }
  oneOfValues(req.source, "source", SOURCE, true);
  oneOfValues(req.outputScope, "outputScope", SCOPE, false);
  const content = list(req.content, "content");
  content.forEach((block, i) => {
    const path = `content[${i}]`;
    const kind = unionKind(block, path, "a guardrail content block", ["text", "image"]);
    const member = (block as Record<string, unknown>)[kind];
    if (kind === "text") {
      const text = record(member, `${path}.text`);
      string(text.text, `${path}.text.text`, true);
      if (text.qualifiers !== undefined) {
        list(text.qualifiers, `${path}.text.qualifiers`).forEach((q, j) => oneOfValues(q, `${path}.text.qualifiers[${j}]`, QUALIFIER, true));
      }
    } else if (kind === "image") {
      const image = record(member, `${path}.image`);
      oneOfValues(image.format, `${path}.image.format`, IMAGE_FORMAT, true);
      blob(record(image.source, `${path}.image.source`).bytes, `${path}.image.source.bytes`);
    }
  });
}
