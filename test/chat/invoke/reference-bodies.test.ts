// Our native bodies beside the ones the references build for the same conversation and settings.
// Expected bodies were written from reading the reference code (cited per case); where ours differ
// the difference is named and the adapter's comment gives the reason.
import { describe, expect, it } from "vitest";
import { adapterFor } from "../../../src/chat/invoke/adapters.js";
import { modelName, resolveProvider } from "../../../src/chat/invoke/provider.js";
import { HumanMessage, SystemMessage, AIMessage, type BaseMessage } from "../../../src/chat/messages/index.js";
import type { InvokeSettings } from "../../../src/chat/invoke/adapter-types.js";

const ours = (model: string, messages: BaseMessage[], settings: InvokeSettings) => adapterFor(resolveProvider(model), modelName(model)).body(messages, settings);
const CHAT = [new SystemMessage("Be brief."), new HumanMessage("Hi"), new AIMessage("Hello!"), new HumanMessage("How are you?")];
// BedrockChat passes every setting positionally (prepareMessagesInput(provider, messages, maxTokens, temperature, stopSequences, modelKwargs)).
const SET: InvokeSettings = { maxTokens: 300, temperature: 0.5, stopSequences: ["STOP"], modelKwargs: { top_k: 7 } };

describe("BedrockChat (@langchain/community, libs/langchain-community/src/utils/bedrock/index.ts)", () => {
  it("anthropic: BedrockLLMInputOutputAdapter.prepareMessagesInput", () => {
    // system via formatMessagesForAnthropic; anthropic_version, messages, max_tokens, temperature, stop_sequences, then {...inputBody, ...modelKwargs}.
    const reference = {
      system: "Be brief.",
      anthropic_version: "bedrock-2023-05-31",
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
        { role: "user", content: "How are you?" },
      ],
      max_tokens: 300,
      temperature: 0.5,
      stop_sequences: ["STOP"],
      top_k: 7,
    };
    expect(ours("anthropic.claude-3-haiku-20240307-v1:0", CHAT, SET)).toEqual(reference);
  });

  it("anthropic defaults: BedrockChat sends max_tokens 1024 and temperature 0; we send 1024 and leave temperature to the model", () => {
    const reference = { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }], max_tokens: 1024, temperature: 0 };
    const { temperature: _dropped, ...expected } = reference;
    expect(ours("anthropic.claude-3-haiku-20240307-v1:0", [new HumanMessage("Hi")], {})).toEqual(expected);
  });

  it("cohere: prepareMessagesInput with formatMessagesForCohere", () => {
    // preamble (system), message (last human), chat_history (USER/CHATBOT), max_tokens, temperature, stop_sequences, modelKwargs.
    const reference = {
      preamble: "Be brief.",
      message: "How are you?",
      chat_history: [
        { role: "USER", message: "Hi" },
        { role: "CHATBOT", message: "Hello!" },
      ],
      max_tokens: 300,
      temperature: 0.5,
      stop_sequences: ["STOP"],
      top_k: 7,
    };
    expect(ours("cohere.command-r-v1:0", CHAT, SET)).toEqual(reference);
  });

  it("meta / mistral / amazon: prepareInput's keys (the prompt text is langchain-aws's, below)", () => {
    // meta: prompt, max_gen_len, temperature (no stop key); mistral: prompt, max_tokens, temperature, stop;
    // amazon: inputText, textGenerationConfig { maxTokenCount, temperature } (BedrockChat drops stopSequences for Titan; we send them, Titan takes them).
    const keys = (b: Record<string, unknown>) => Object.keys(b).sort();
    expect(keys(ours("meta.llama3-8b-instruct-v1:0", CHAT, SET))).toEqual(["max_gen_len", "prompt", "temperature", "top_k"]);
    expect(keys(ours("mistral.mistral-7b-instruct-v0:2", CHAT, SET))).toEqual(["max_tokens", "prompt", "stop", "temperature", "top_k"]);
    const titan = ours("amazon.titan-text-express-v1", CHAT, { maxTokens: 300, temperature: 0.5 });
    expect(titan.textGenerationConfig).toEqual({ maxTokenCount: 300, temperature: 0.5 });
  });
});

describe("langchain-aws ChatBedrock (libs/aws/langchain_aws/chat_models/bedrock.py, llms/bedrock.py)", () => {
  it("anthropic: LLMInputOutputAdapter.prepare_input (messages API)", () => {
    // input_body = {**model_kwargs}; anthropic_version, messages, system, max_tokens defaulting to 1024.
    const reference = { top_k: 7, anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }], system: "Be brief.", max_tokens: 1024 };
    expect(ours("anthropic.claude-3-haiku-20240307-v1:0", [new SystemMessage("Be brief."), new HumanMessage("Hi")], { modelKwargs: { top_k: 7 } })).toEqual(reference);
  });

  it("mistral: convert_messages_to_prompt_mistral gives the same prompt", () => {
    const reference = "<<SYS>> Be brief. <</SYS>>\n[INST] Hi [/INST]\nHello!\n[INST] How are you? [/INST]";
    expect(ours("mistral.mistral-7b-instruct-v0:2", CHAT, {}).prompt).toBe(reference);
  });

  it("amazon: convert_messages_to_prompt_anthropic(human_prompt='\\n\\nUser:', ai_prompt='\\n\\nBot:'), leading blank lines trimmed", () => {
    const reference = "Be brief.\n\nUser: Hi\n\nBot: Hello!\n\nUser: How are you?\n\nBot:";
    expect(ours("amazon.titan-text-express-v1", CHAT, {}).inputText).toBe(reference.trimStart());
  });

  it("meta: convert_messages_to_prompt_llama3 has the same turns; we add Meta's blank line after each header and drop the joining newlines", () => {
    const reference = [
      "<|begin_of_text|>",
      "<|start_header_id|>system<|end_header_id|>Be brief.<|eot_id|>",
      "<|start_header_id|>user<|end_header_id|>Hi<|eot_id|>",
      "<|start_header_id|>assistant<|end_header_id|>Hello!<|eot_id|>",
      "<|start_header_id|>user<|end_header_id|>How are you?<|eot_id|>",
      "<|start_header_id|>assistant<|end_header_id|>\n\n",
    ].join("\n");
    const normalise = (p: string) => p.replaceAll("<|end_header_id|>\n\n", "<|end_header_id|>").replaceAll("\n", "");
    expect(normalise(String(ours("meta.llama3-8b-instruct-v1:0", CHAT, {}).prompt))).toBe(normalise(reference));
  });

  it("deepseek: convert_messages_to_prompt_deepseek's turn order, with the model's own full-width tokens", () => {
    const reference = "\n<|begin_of_sentence|><|System|>Be brief.<|User|>Hi<|Assistant|>Hello!<|User|>How are you?<|Assistant|>\n\n";
    const prompt = String(ours("deepseek.r1-v1:0", CHAT, {}).prompt);
    const roles = (p: string) => [...p.matchAll(/<[|｜](User|Assistant)[|｜]>/g)].map((m) => m[1]);
    expect(roles(prompt)).toEqual(roles(reference));
  });
});
