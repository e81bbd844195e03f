// The Converse request shapes the chat converters produce: narrower views of src/wire's (fields they
// always set are required, unions are plain), so converter code narrows with `in`. A test checks
// that each is assignable to its src/wire counterpart.
import type {
  CitationsContentBlock,
  DocumentType,
  SearchResultBlock,
  ToolAdditionBlock,
  ToolRemovalBlock,
} from "../../wire/index.js";

/** Bytes as the client accepts them: a Uint8Array, or the base64 text Bedrock's JSON carries. */
export type Blob = Uint8Array | string;

export interface S3Location {
  uri: string;
  bucketOwner?: string;
}

export type ImageFormat = "gif" | "jpeg" | "png" | "webp";
export type DocumentFormat = "csv" | "doc" | "docx" | "html" | "md" | "pdf" | "txt" | "xls" | "xlsx";
export type VideoFormat = "flv" | "mkv" | "mov" | "mp4" | "mpeg" | "mpg" | "three_gp" | "webm" | "wmv";
export type AudioFormat =
  | "aac" | "flac" | "m4a" | "mka" | "mkv" | "mp3" | "mp4" | "mpeg" | "mpga" | "ogg" | "opus" | "pcm" | "wav" | "webm";

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
  type: "default";
  ttl?: "5m" | "1h";
}

export type GuardrailConverseContentBlock =
  | { text: { text: string; qualifiers?: Array<"grounding_source" | "query" | "guard_content"> } }
  | { image: { format: "png" | "jpeg"; source: { bytes: Blob } } };

export type ReasoningContentBlock = { reasoningText: { text: string; signature?: string } } | { redactedContent: Blob };

export interface ToolUseBlock {
  toolUseId: string;
  name: string;
  input: DocumentType;
  type?: "server_tool_use";
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
  status?: "success" | "error";
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
