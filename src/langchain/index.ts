// bedrock-edge/langchain: a LangChain.js chat model and embeddings on bedrock-edge. Re-exports only; needs @langchain/core.
export { ChatBedrockConverse } from "./chat-model.js";
export { ChatBedrock, type ChatBedrockInput, type ChatBedrockCallOptions } from "./chat-bedrock.js";
export { BedrockEmbeddings } from "./embeddings.js";
export { BedrockRerank, type BedrockRerankInput } from "./rerank.js";
export type { BedrockPromptCacheControl, ChatBedrockConverseCallOptions, ChatBedrockConverseInput } from "./options.js";
export type { InvocationParams } from "./invocation-params.js";
export {
  MODEL_PROVIDER,
  fromLangChainAIMessage,
  fromLangChainMessages,
  toLangChainChunk,
  toLangChainMessage,
} from "./convert-messages.js";
