// ChatBedrock on InvokeModel and its per-provider adapters (pure: messages + settings → native body, native answer → message).
export { ChatBedrock } from "./chat-bedrock.js";
export type { ChatBedrockInput, ChatBedrockCallOptions } from "./chat-bedrock-options.js";
export { resolveProvider, type InvokeProvider } from "./provider.js";
export type { InvokeSettings, ProviderAdapter } from "./adapter-types.js";
export { adapterFor } from "./adapters.js";
