// The parts of Converse / ConverseStream output the chat converters read, typed loosely enough
// that our wire types and the AWS SDK's own objects both fit.
import type { TokenUsageLike } from "./usage.js";

/** A Bedrock citation as the API returns it; kept verbatim on text blocks. */
export interface CitationLike {
  title?: string | undefined;
  source?: string | undefined;
  sourceContent?: ReadonlyArray<{ text?: string | undefined }> | undefined;
  location?: object | undefined;
}

/** Bytes as decoded (`Uint8Array`) or as Bedrock's JSON carries them (base64 text). */
export type BytesLike = Uint8Array | string;

export interface OutputReasoningContent {
  reasoningText?: { text?: string | undefined; signature?: string | undefined } | undefined;
  redactedContent?: BytesLike | undefined;
}

export interface OutputToolUse {
  toolUseId?: string | undefined;
  name?: string | undefined;
  input?: unknown;
  type?: string | undefined;
}

export interface OutputCitationsContent {
  content?: Array<{ text?: string | undefined }> | undefined;
  citations?: CitationLike[] | undefined;
}

/** One block of `output.message.content`; blocks of other kinds pass through unchanged. */
export interface OutputContentBlock {
  text?: string | undefined;
  reasoningContent?: OutputReasoningContent | undefined;
  toolUse?: OutputToolUse | undefined;
  citationsContent?: OutputCitationsContent | undefined;
  toolResult?: unknown;
  image?: unknown;
  document?: unknown;
  video?: unknown;
  audio?: unknown;
  searchResult?: unknown;
  guardContent?: unknown;
}

export interface ConverseResponseLike {
  output?: { message?: { role?: string | undefined; content?: OutputContentBlock[] | undefined } | undefined } | undefined;
  stopReason?: string | undefined;
  usage?: TokenUsageLike | undefined;
  metrics?: { latencyMs?: number | undefined } | undefined;
  additionalModelResponseFields?: unknown;
  trace?: unknown;
  performanceConfig?: unknown;
  serviceTier?: unknown;
}

export interface ContentBlockDeltaLike {
  text?: string | undefined;
  toolUse?: { input?: string | undefined } | undefined;
  reasoningContent?:
    | { text?: string | undefined; signature?: string | undefined; redactedContent?: BytesLike | undefined }
    | undefined;
  citation?: CitationLike | undefined;
  toolResult?: Array<{ text?: string | undefined; json?: unknown }> | undefined;
  image?: { source?: unknown; error?: unknown } | undefined;
}

export interface ContentBlockStartLike {
  toolUse?: { toolUseId?: string | undefined; name?: string | undefined; type?: string | undefined } | undefined;
  toolResult?: { toolUseId?: string | undefined; type?: string | undefined; status?: string | undefined } | undefined;
  image?: { format?: string | undefined } | undefined;
}

/**
 * One ConverseStream event: an object with a single member named after the event type
 * (exception members such as `throttlingException` are read by name).
 */
export interface ConverseStreamOutputLike {
  messageStart?: { role?: string | undefined } | undefined;
  contentBlockStart?: { contentBlockIndex?: number | undefined; start?: ContentBlockStartLike | undefined } | undefined;
  contentBlockDelta?: { contentBlockIndex?: number | undefined; delta?: ContentBlockDeltaLike | undefined } | undefined;
  contentBlockStop?: { contentBlockIndex?: number | undefined } | undefined;
  messageStop?: { stopReason?: string | undefined; additionalModelResponseFields?: unknown } | undefined;
  metadata?:
    | {
        usage?: TokenUsageLike | undefined;
        metrics?: { latencyMs?: number | undefined } | undefined;
        trace?: unknown;
        performanceConfig?: unknown;
        serviceTier?: unknown;
      }
    | undefined;
}
