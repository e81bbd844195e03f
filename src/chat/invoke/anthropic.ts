// The Anthropic adapter: Messages body, reply and stream decoder together.
import type { ProviderAdapter } from "./adapter-types.js";
import { anthropicBody } from "./anthropic-request.js";
import { anthropicDecoder, anthropicReply } from "./anthropic-response.js";

export const anthropicAdapter: ProviderAdapter = { body: anthropicBody, reply: anthropicReply, decoder: anthropicDecoder, tools: true };
