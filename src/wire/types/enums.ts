// Enum values of the Converse API, as constants and types named like the AWS SDK's.

type ValueOf<T> = T[keyof T];
/** A known value, or any other string the service may add later (responses only). */
export type Open<T extends string> = T | (string & {});

export const ConversationRole = { ASSISTANT: "assistant", SYSTEM: "system", USER: "user" } as const;
export type ConversationRole = ValueOf<typeof ConversationRole>;

export const ImageFormat = { GIF: "gif", JPEG: "jpeg", PNG: "png", WEBP: "webp" } as const;
export type ImageFormat = ValueOf<typeof ImageFormat>;

export const DocumentFormat = {
  CSV: "csv",
  DOC: "doc",
  DOCX: "docx",
  HTML: "html",
  MD: "md",
  PDF: "pdf",
  TXT: "txt",
  XLS: "xls",
  XLSX: "xlsx",
} as const;
export type DocumentFormat = ValueOf<typeof DocumentFormat>;

export const VideoFormat = {
  FLV: "flv",
  MKV: "mkv",
  MOV: "mov",
  MP4: "mp4",
  MPEG: "mpeg",
  MPG: "mpg",
  THREE_GP: "three_gp",
  WEBM: "webm",
  WMV: "wmv",
} as const;
export type VideoFormat = ValueOf<typeof VideoFormat>;

export const AudioFormat = {
  AAC: "aac",
  FLAC: "flac",
  M4A: "m4a",
  MKA: "mka",
  MKV: "mkv",
  MP3: "mp3",
  MP4: "mp4",
  MPEG: "mpeg",
  MPGA: "mpga",
  OGG: "ogg",
  OPUS: "opus",
  PCM: "pcm",
  WAV: "wav",
  WEBM: "webm",
  X_AAC: "x-aac",
} as const;
export type AudioFormat = ValueOf<typeof AudioFormat>;

export const CachePointType = { DEFAULT: "default" } as const;
export type CachePointType = ValueOf<typeof CachePointType>;

export const CacheTTL = { FIVE_MINUTES: "5m", ONE_HOUR: "1h" } as const;
export type CacheTTL = ValueOf<typeof CacheTTL>;

export const ToolResultStatus = { ERROR: "error", SUCCESS: "success" } as const;
export type ToolResultStatus = ValueOf<typeof ToolResultStatus>;

export const ToolUseType = { SERVER_TOOL_USE: "server_tool_use" } as const;
export type ToolUseType = ValueOf<typeof ToolUseType>;

export const GuardrailConverseImageFormat = { JPEG: "jpeg", PNG: "png" } as const;
export type GuardrailConverseImageFormat = ValueOf<typeof GuardrailConverseImageFormat>;

export const GuardrailConverseContentQualifier = {
  GROUNDING_SOURCE: "grounding_source",
  GUARD_CONTENT: "guard_content",
  QUERY: "query",
} as const;
export type GuardrailConverseContentQualifier = ValueOf<typeof GuardrailConverseContentQualifier>;

export const GuardrailTrace = { DISABLED: "disabled", ENABLED: "enabled", ENABLED_FULL: "enabled_full" } as const;
export type GuardrailTrace = ValueOf<typeof GuardrailTrace>;

export const GuardrailStreamProcessingMode = { ASYNC: "async", SYNC: "sync" } as const;
export type GuardrailStreamProcessingMode = ValueOf<typeof GuardrailStreamProcessingMode>;

export const OutputFormatType = { JSON_SCHEMA: "json_schema" } as const;
export type OutputFormatType = ValueOf<typeof OutputFormatType>;

export const PerformanceConfigLatency = { OPTIMIZED: "optimized", STANDARD: "standard" } as const;
export type PerformanceConfigLatency = ValueOf<typeof PerformanceConfigLatency>;

export const ServiceTierType = { DEFAULT: "default", FLEX: "flex", PRIORITY: "priority", RESERVED: "reserved" } as const;
export type ServiceTierType = ValueOf<typeof ServiceTierType>;

export const StopReason = {
  CONTENT_FILTERED: "content_filtered",
  END_TURN: "end_turn",
  GUARDRAIL_INTERVENED: "guardrail_intervened",
  MALFORMED_MODEL_OUTPUT: "malformed_model_output",
  MALFORMED_TOOL_USE: "malformed_tool_use",
  MAX_TOKENS: "max_tokens",
  MODEL_CONTEXT_WINDOW_EXCEEDED: "model_context_window_exceeded",
  STOP_SEQUENCE: "stop_sequence",
  TOOL_USE: "tool_use",
} as const;
/** Why the model stopped. Open: Bedrock adds reasons over time, so switch with a default branch. */
export type StopReason = Open<ValueOf<typeof StopReason>>;
