// The Converse request shapes the chat converters produce: narrower views of src/wire's (fields they
// always set are required, unions are plain), so converter code narrows with `in`. A test checks
// that each is assignable to its src/wire counterpart.
import type {
  AudioFormat,
  BlobInput,
  CachePointType,
  CacheTTL,
  CitationsContentBlock,
  DocumentFormat,
  DocumentType,
  GuardrailConverseContentQualifier,
  GuardrailConverseImageFormat,
  ImageFormat,
  SearchResultBlock,
  ToolAdditionBlock,
  ToolRemovalBlock,
  ToolResultStatus,
  ToolUseType,
  VideoFormat,
} from "../../wire/index.js";

export type { AudioFormat, DocumentFormat, ImageFormat, VideoFormat };

/** Bytes as the client accepts them: a Uint8Array, or the base64 text Bedrock's JSON carries. */
export type Blob = BlobInput;

/** Narrower than src/wire's: the converters always set `uri`. */
export interface S3Location {
  uri: string;
  bucketOwner?: string;
}

export type MediaSource = { bytes: Blob } | { s3Location: S3Location };

export interface ImageBlock {
  format: ImageFormat;
  source: MediaSource;
}
export interface VideoBlock {
  format: VideoFormat;
  source: MediaSource;
}
export interface AudioBlock {
  format: AudioFormat;
  source: MediaSource;
}
export interface DocumentBlock {
  format?: DocumentFormat;
  name: string;
  source: MediaSource | { text: string } | { content: Array<{ text: string }> };
  context?: string;
  citations?: { enabled: boolean };
}

export interface CachePointBlock {
  type: CachePointType;
  ttl?: CacheTTL;
}

export type GuardrailConverseContentBlock =
  | { text: { text: string; qualifiers?: GuardrailConverseContentQualifier[] } }
  | { image: { format: GuardrailConverseImageFormat; source: { bytes: Blob } } };

export type ReasoningContentBlock = { reasoningText: { text: string; signature?: string } } | { redactedContent: Blob };

export interface ToolUseBlock {
  toolUseId: string;
  name: string;
  input: DocumentType;
  type?: ToolUseType;
}

export type ToolResultContentBlock =
  | { text: string }
  | { json: DocumentType }
  | { image: ImageBlock }
  | { document: DocumentBlock }
  | { video: VideoBlock }
  | { searchResult: SearchResultBlock };

export interface ToolResultBlock {
  toolUseId: string;
  content: ToolResultContentBlock[];
  status?: ToolResultStatus;
  type?: string;
}

export type ContentBlock =
  | { text: string }
  | { image: ImageBlock }
  | { document: DocumentBlock }
  | { video: VideoBlock }
  | { audio: AudioBlock }
  | { toolUse: ToolUseBlock }
  | { toolResult: ToolResultBlock }
  | { guardContent: GuardrailConverseContentBlock }
  | { cachePoint: CachePointBlock }
  | { reasoningContent: ReasoningContentBlock }
  | { citationsContent: CitationsContentBlock }
  | { searchResult: SearchResultBlock }
  | { toolAddition: ToolAdditionBlock }
  | { toolRemoval: ToolRemovalBlock };

export type SystemContentBlock =
  | { text: string }
  | { guardContent: GuardrailConverseContentBlock }
  | { cachePoint: CachePointBlock };

export interface Message {
  role: "user" | "assistant";
  content: ContentBlock[];
}

export interface ToolSpecification {
  name: string;
  description?: string;
  inputSchema: { json: DocumentType };
  strict?: boolean;
}

export type Tool = { toolSpec: ToolSpecification } | { systemTool: { name: string } } | { cachePoint: CachePointBlock };

export type ToolChoice = { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };

export interface ToolConfiguration {
  tools: Tool[];
  toolChoice?: ToolChoice;
}
