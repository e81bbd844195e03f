// The parts of Converse / ConverseStream output the chat converters read, typed loosely enough
// that our wire types and the AWS SDK's own objects both fit.
import type { Citation } from "./message-types.js";
import type { TokenUsageLike } from "./usage.js";

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
  citations?: Citation[] | undefined;
}

/** One block of `output.message.content`; members other than these pass through unchanged. */
export interface OutputContentBlock {
  text?: string | undefined;
  reasoningContent?: OutputReasoningContent | undefined;
  toolUse?: OutputToolUse | undefined;
  citationsContent?: OutputCitationsContent | undefined;
  [member: string]: unknown;
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
  citation?: Citation | undefined;
  toolResult?: Array<{ text?: string | undefined; json?: unknown }> | undefined;
  image?: { source?: unknown; error?: unknown } | undefined;
  [member: string]: unknown;
}

export interface ContentBlockStartLike {
  toolUse?: { toolUseId?: string | undefined; name?: string | undefined; type?: string | undefined } | undefined;
  toolResult?: { toolUseId?: string | undefined; type?: string | undefined; status?: string | undefined } | undefined;
  image?: { format?: string | undefined } | undefined;
  [member: string]: unknown;
}

/** One ConverseStream event: an object with a single member named after the event type. */
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
  [member: string]: unknown;
}
