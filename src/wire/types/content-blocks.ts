// The ContentBlock union, its non-media kinds, Message and SystemContentBlock.
import type { CitationsContentBlock, SearchResultBlock } from "./citations.js";
import type { BlobInput, DocumentType } from "./common.js";
import type { CachePointType, CacheTTL, ConversationRole, ToolResultStatus, ToolUseType } from "./enums.js";
import type {
  AudioBlock,
  DocumentBlock,
  GuardrailConverseContentBlock,
  ImageBlock,
  VideoBlock,
} from "./media-blocks.js";
import type { TaggedUnion, UnionMember, UnknownUnionMember } from "./union.js";

// `B` is the blob type: `BlobInput` (bytes or base64) in requests, `Uint8Array` in responses.

/** Marks the end of a prompt prefix to cache. */
export interface CachePointBlock {
  type: CachePointType | undefined;
  /** How long the prefix stays cached; the model's default (5 minutes) when unset. */
  ttl?: CacheTTL | undefined;
}

export interface ReasoningTextBlock {
  text: string | undefined;
  /** Proof the reasoning came from the model; send it back unchanged in later turns. */
  signature?: string | undefined;
}

/** Model reasoning: readable text with a signature, or encrypted bytes the provider redacted. */
export type ReasoningContentBlock<B extends BlobInput = BlobInput> = TaggedUnion<{
  reasoningText: ReasoningTextBlock;
  redactedContent: B;
}>;

/** A tool call the model made. */
export interface ToolUseBlock {
  toolUseId: string | undefined;
  name: string | undefined;
  /** The arguments, parsed JSON. */
  input: DocumentType | undefined;
  type?: ToolUseType | undefined;
}

interface ToolResultContentMembers<B extends BlobInput> {
  json: DocumentType;
  text: string;
  image: ImageBlock<B>;
  document: DocumentBlock<B>;
  video: VideoBlock<B>;
  searchResult: SearchResultBlock;
}
/** One piece of a tool's result. */
export type ToolResultContentBlock<B extends BlobInput = BlobInput> = TaggedUnion<ToolResultContentMembers<B>>;
export declare namespace ToolResultContentBlock {
  type JsonMember = UnionMember<ToolResultContentMembers<BlobInput>, "json">;
  type TextMember = UnionMember<ToolResultContentMembers<BlobInput>, "text">;
  type ImageMember<B extends BlobInput = BlobInput> = UnionMember<ToolResultContentMembers<B>, "image">;
  type DocumentMember<B extends BlobInput = BlobInput> = UnionMember<ToolResultContentMembers<B>, "document">;
  type VideoMember<B extends BlobInput = BlobInput> = UnionMember<ToolResultContentMembers<B>, "video">;
  type SearchResultMember = UnionMember<ToolResultContentMembers<BlobInput>, "searchResult">;
  type $UnknownMember = UnknownUnionMember<ToolResultContentMembers<BlobInput>>;
}

/** The result of a tool call, sent back in a user message. */
export interface ToolResultBlock<B extends BlobInput = BlobInput> {
  toolUseId: string | undefined;
  content: ToolResultContentBlock<B>[] | undefined;
  status?: ToolResultStatus | undefined;
  type?: string | undefined;
}

/** Names a tool in `toolAddition` / `toolRemoval` blocks. */
export interface ToolReference {
  type?: string | undefined;
  name?: string | undefined;
  serverName?: string | undefined;
}

export interface ToolAdditionBlock {
  tool: ToolReference | undefined;
}

export interface ToolRemovalBlock {
  tool: ToolReference | undefined;
}

interface ContentBlockMembers<B extends BlobInput> {
  text: string;
  image: ImageBlock<B>;
  document: DocumentBlock<B>;
  video: VideoBlock<B>;
  audio: AudioBlock<B>;
  toolUse: ToolUseBlock;
  toolResult: ToolResultBlock<B>;
  guardContent: GuardrailConverseContentBlock<B>;
  cachePoint: CachePointBlock;
  reasoningContent: ReasoningContentBlock<B>;
  citationsContent: CitationsContentBlock;
  searchResult: SearchResultBlock;
  toolAddition: ToolAdditionBlock;
  toolRemoval: ToolRemovalBlock;
}

/** One block of a message: exactly one kind is set. */
export type ContentBlock<B extends BlobInput = BlobInput> = TaggedUnion<ContentBlockMembers<B>>;
export declare namespace ContentBlock {
  type TextMember = UnionMember<ContentBlockMembers<BlobInput>, "text">;
  type ImageMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "image">;
  type DocumentMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "document">;
  type VideoMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "video">;
  type AudioMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "audio">;
  type ToolUseMember = UnionMember<ContentBlockMembers<BlobInput>, "toolUse">;
  type ToolResultMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "toolResult">;
  type GuardContentMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "guardContent">;
  type CachePointMember = UnionMember<ContentBlockMembers<BlobInput>, "cachePoint">;
  type ReasoningContentMember<B extends BlobInput = BlobInput> = UnionMember<ContentBlockMembers<B>, "reasoningContent">;
  type CitationsContentMember = UnionMember<ContentBlockMembers<BlobInput>, "citationsContent">;
  type SearchResultMember = UnionMember<ContentBlockMembers<BlobInput>, "searchResult">;
  type ToolAdditionMember = UnionMember<ContentBlockMembers<BlobInput>, "toolAddition">;
  type ToolRemovalMember = UnionMember<ContentBlockMembers<BlobInput>, "toolRemoval">;
  type $UnknownMember = UnknownUnionMember<ContentBlockMembers<BlobInput>>;
}

/** Every content block kind, in the AWS model's order. */
export type ContentBlockKind = keyof ContentBlockMembers<BlobInput>;

export interface Message<B extends BlobInput = BlobInput> {
  role: ConversationRole | undefined;
  content: ContentBlock<B>[] | undefined;
}

interface SystemContentMembers<B extends BlobInput> {
  text: string;
  guardContent: GuardrailConverseContentBlock<B>;
  cachePoint: CachePointBlock;
}
/** One block of the system prompt. */
export type SystemContentBlock<B extends BlobInput = BlobInput> = TaggedUnion<SystemContentMembers<B>>;
export declare namespace SystemContentBlock {
  type TextMember = UnionMember<SystemContentMembers<BlobInput>, "text">;
  type GuardContentMember<B extends BlobInput = BlobInput> = UnionMember<SystemContentMembers<B>, "guardContent">;
  type CachePointMember = UnionMember<SystemContentMembers<BlobInput>, "cachePoint">;
  type $UnknownMember = UnknownUnionMember<SystemContentMembers<BlobInput>>;
}
