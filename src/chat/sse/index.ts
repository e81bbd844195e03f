// SSE room: a chat stream as a Server-Sent Events Response, the readers back, the event protocol and safe error shapes.
export { toErrorResponse, toSSEResponse, type SSEResponseInit } from "./sse-response.js";
export { readSSEChunks, readSSEEvents, errorFromSSEResponse, type SSESource } from "./sse-read.js";
export { errorEventData, errorFromEventData, errorStatus, type ErrorEventData, type SafeErrorOptions } from "./sse-errors.js";
export type { ChatSSEEvent, ChatSSEEventName, DeltaEventData, ReasoningEventData } from "./sse-events.js";
export { formatSSE, formatSSEComment, SSEParser, type SSEMessage } from "./sse-frame.js";
