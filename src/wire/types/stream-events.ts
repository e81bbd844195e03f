// ConverseStream request and the one-key events of its response stream.
import type { CitationLocation } from "./citations.js";
import type { DocumentType, ErrorBlock } from "./common.js";
import type { ConversationRole, ImageFormat, StopReason, ToolResultStatus, ToolUseType } from "./enums.js";
import type {
  ConverseMetrics,
  ConverseRequest,
  ConverseTrace,
  GuardrailStreamConfiguration,
  PerformanceConfiguration,
  ServiceTier,
  TokenUsage,
} from "./converse.js";
import type { ImageSource } from "./media-blocks.js";
import type { TaggedUnion, UnionMember, UnknownUnionMember } from "./union.js";

/** Body of `POST /model/{modelId}/converse-stream`: a Converse request whose guardrail may run async. */
export interface ConverseStreamRequest extends Omit<ConverseRequest, "guardrailConfig"> {
  guardrailConfig?: GuardrailStreamConfiguration | undefined;
}

export interface MessageStartEvent {
  role: ConversationRole | undefined;
}

export interface ToolUseBlockStart {
  toolUseId: string | undefined;
  name: string | undefined;
  type?: ToolUseType | undefined;
}

export interface ToolResultBlockStart {
  toolUseId: string | undefined;
  type?: string | undefined;
  status?: ToolResultStatus | undefined;
}

export interface ImageBlockStart {
  format: ImageFormat | undefined;
}

interface ContentBlockStartMembers {
  toolUse: ToolUseBlockStart;
  toolResult: ToolResultBlockStart;
  image: ImageBlockStart;
}
/** How a block begins. Text, reasoning and citation blocks start with their first delta instead. */
export type ContentBlockStart = TaggedUnion<ContentBlockStartMembers>;
export declare namespace ContentBlockStart {
  type ToolUseMember = UnionMember<ContentBlockStartMembers, "toolUse">;
  type ToolResultMember = UnionMember<ContentBlockStartMembers, "toolResult">;
  type ImageMember = UnionMember<ContentBlockStartMembers, "image">;
  type $UnknownMember = UnknownUnionMember<ContentBlockStartMembers>;
}

export interface ContentBlockStartEvent {
  start: ContentBlockStart | undefined;
  contentBlockIndex: number | undefined;
}

export interface ToolUseBlockDelta {
  /** A fragment of the tool input's JSON text; concatenate every fragment, then parse. */
  input: string | undefined;
}

interface ReasoningDeltaMembers {
  text: string;
  redactedContent: Uint8Array;
  signature: string;
}
export type ReasoningContentBlockDelta = TaggedUnion<ReasoningDeltaMembers>;
export declare namespace ReasoningContentBlockDelta {
  type TextMember = UnionMember<ReasoningDeltaMembers, "text">;
  type RedactedContentMember = UnionMember<ReasoningDeltaMembers, "redactedContent">;
  type SignatureMember = UnionMember<ReasoningDeltaMembers, "signature">;
  type $UnknownMember = UnknownUnionMember<ReasoningDeltaMembers>;
}

export type ToolResultBlockDelta = TaggedUnion<{ text: string; json: DocumentType }>;

export interface CitationSourceContentDelta {
  text?: string | undefined;
}

/** A citation for the text streamed in the same block. */
export interface CitationsDelta {
  title?: string | undefined;
  source?: string | undefined;
  sourceContent?: CitationSourceContentDelta[] | undefined;
  location?: CitationLocation | undefined;
}

export interface ImageBlockDelta {
  source?: ImageSource<Uint8Array> | undefined;
  error?: ErrorBlock | undefined;
}

interface ContentBlockDeltaMembers {
  text: string;
  toolUse: ToolUseBlockDelta;
  toolResult: ToolResultBlockDelta[];
  reasoningContent: ReasoningContentBlockDelta;
  citation: CitationsDelta;
  image: ImageBlockDelta;
}
export type ContentBlockDelta = TaggedUnion<ContentBlockDeltaMembers>;
export declare namespace ContentBlockDelta {
  type TextMember = UnionMember<ContentBlockDeltaMembers, "text">;
  type ToolUseMember = UnionMember<ContentBlockDeltaMembers, "toolUse">;
  type ToolResultMember = UnionMember<ContentBlockDeltaMembers, "toolResult">;
  type ReasoningContentMember = UnionMember<ContentBlockDeltaMembers, "reasoningContent">;
  type CitationMember = UnionMember<ContentBlockDeltaMembers, "citation">;
  type ImageMember = UnionMember<ContentBlockDeltaMembers, "image">;
  type $UnknownMember = UnknownUnionMember<ContentBlockDeltaMembers>;
}

export interface ContentBlockDeltaEvent {
  delta: ContentBlockDelta | undefined;
  contentBlockIndex: number | undefined;
}

export interface ContentBlockStopEvent {
  contentBlockIndex: number | undefined;
}

export interface MessageStopEvent {
  stopReason: StopReason | undefined;
  additionalModelResponseFields?: DocumentType | undefined;
}

export type ConverseStreamMetrics = ConverseMetrics;
export type ConverseStreamTrace = ConverseTrace;

/** Usage and latency; in Bedrock's recordings it arrives after `messageStop`. */
export interface ConverseStreamMetadataEvent {
  usage: TokenUsage | undefined;
  metrics: ConverseStreamMetrics | undefined;
  trace?: ConverseStreamTrace | undefined;
  performanceConfig?: PerformanceConfiguration | undefined;
  serviceTier?: ServiceTier | undefined;
}

interface ConverseStreamOutputMembers {
  messageStart: MessageStartEvent;
  contentBlockStart: ContentBlockStartEvent;
  contentBlockDelta: ContentBlockDeltaEvent;
  contentBlockStop: ContentBlockStopEvent;
  messageStop: MessageStopEvent;
  metadata: ConverseStreamMetadataEvent;
  // Exception members exist for SDK parity; as in the SDK, they are thrown, never yielded.
  // Typed as plain `Error` so the SDK's and this library's exception classes both fit.
  internalServerException: Error;
  modelStreamErrorException: Error & { originalStatusCode?: number | undefined; originalMessage?: string | undefined };
  validationException: Error;
  throttlingException: Error;
  serviceUnavailableException: Error;
}

/** One event of a ConverseStream response: exactly one key is set. */
export type ConverseStreamOutput = TaggedUnion<ConverseStreamOutputMembers>;
export declare namespace ConverseStreamOutput {
  type MessageStartMember = UnionMember<ConverseStreamOutputMembers, "messageStart">;
  type ContentBlockStartMember = UnionMember<ConverseStreamOutputMembers, "contentBlockStart">;
  type ContentBlockDeltaMember = UnionMember<ConverseStreamOutputMembers, "contentBlockDelta">;
  type ContentBlockStopMember = UnionMember<ConverseStreamOutputMembers, "contentBlockStop">;
  type MessageStopMember = UnionMember<ConverseStreamOutputMembers, "messageStop">;
  type MetadataMember = UnionMember<ConverseStreamOutputMembers, "metadata">;
  type $UnknownMember = UnknownUnionMember<ConverseStreamOutputMembers>;
}

/** The event names Bedrock sends as `:event-type` (exceptions excluded). */
export type ConverseStreamEventType =
  | "messageStart"
  | "contentBlockStart"
  | "contentBlockDelta"
  | "contentBlockStop"
  | "messageStop"
  | "metadata";
