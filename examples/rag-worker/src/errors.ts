// Failures as the caller may see them: the library's safe `{ name, message, requestId }` shape and status, never server text or credentials.
import { BedrockError, toSSEResponse } from "bedrock-edge";

/**
 * The JSON answer for a failed step. `toSSEResponse` given a source that fails before its first event
 * answers exactly this (400/403/429/502/503/504 by error class, a generic message per kind), so
 * /ingest and /ask share one mapping with the streamed replies. Errors that are not the library's
 * (a Vectorize failure, say) get a 500 with a message of our own.
 */
export function safeError(error: unknown, step: string): Promise<Response> {
  console.error(`${step} failed:`, String(error));
  return toSSEResponse(Promise.reject(error), {
    headers: { "x-content-type-options": "nosniff" },
    errorMessage: (e) => (BedrockError.isInstance(e) ? undefined : `The ${step} step failed`),
  });
}
