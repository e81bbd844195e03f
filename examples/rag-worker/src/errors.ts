// Failures as the caller may see them: the library's safe `{ name, message, requestId }` shape and status, never server text or credentials.
import { BedrockError, toErrorResponse } from "bedrock-edge";

/**
 * The JSON answer for a failed step: the same mapping `toSSEResponse` uses before a stream's first
 * event (400/403/429/502/503/504 by error class, a generic message per kind), so /ingest and /ask
 * answer alike. Errors that are not the library's (a Vectorize failure, say) get a 500 with a
 * message of our own; the original goes to the Worker's logs only.
 */
export function safeError(error: unknown, step: string): Response {
  console.error(`${step} failed:`, String(error));
  return toErrorResponse(error, {
    headers: { "x-content-type-options": "nosniff" },
    errorMessage: (e) => (BedrockError.isInstance(e) ? undefined : `The ${step} step failed`),
  });
}
