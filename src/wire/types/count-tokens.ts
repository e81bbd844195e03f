// CountTokens request and response: how many input tokens a Converse or InvokeModel body would use.
import type { BlobInput, DocumentType } from "./common.js";
import type { Message, SystemContentBlock } from "./content-blocks.js";
import type { ToolConfiguration } from "./tools.js";
import type { TaggedUnion } from "./union.js";

/** The parts of a Converse request that count toward input tokens. */
export interface ConverseTokensRequest {
  messages?: Message<BlobInput>[] | undefined;
  system?: SystemContentBlock<BlobInput>[] | undefined;
  toolConfig?: ToolConfiguration | undefined;
  additionalModelRequestFields?: DocumentType | undefined;
}

/** A model-native InvokeModel body (bytes, or a base64 string). */
export interface InvokeModelTokensRequest {
  body: BlobInput | undefined;
}

export type CountTokensInput = TaggedUnion<{ converse: ConverseTokensRequest; invokeModel: InvokeModelTokensRequest }>;

/**
 * Body of `POST /model/{modelId}/count-tokens`.
 * @example
 * const request: CountTokensRequest = {
 *   modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
 *   input: { converse: { messages: [{ role: "user", content: [{ text: "Hello" }] }] } },
 * };
 */
export interface CountTokensRequest {
  modelId: string | undefined;
  input: CountTokensInput | undefined;
}

export interface CountTokensResponse {
  inputTokens: number | undefined;
}
