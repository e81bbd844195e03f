// Chat messages → the single prompt string of models whose InvokeModel body takes text (Llama, Mistral, DeepSeek, Titan).
import { BedrockInputError } from "../../errors/index.js";
import type { BaseMessage } from "../messages/index.js";

type Role = "system" | "user" | "assistant";

function roleOf(message: BaseMessage, family: string): Role {
  if (message.type === "system") return "system";
  if (message.type === "human") return "user";
  if (message.type === "ai") return "assistant";
  throw new BedrockInputError(`${family} on InvokeModel takes system, human and AI messages only, got a ${message.type} message (use ChatBedrockConverse for tools)`);
}

/**
 * Llama 3's chat template as Meta documents it (llama.com, "Meta Llama 3" prompt format):
 * `<|begin_of_text|>`, each turn `<|start_header_id|>role<|end_header_id|>\n\n…<|eot_id|>`, then an
 * open assistant header. langchain-aws's `convert_messages_to_prompt_llama3` writes the same
 * tokens but joins turns with "\n" and leaves out the blank line after each header; we follow
 * Meta's template, which the models were trained on.
 */
export function llama3Prompt(messages: readonly BaseMessage[]): string {
  const turns = messages.map((m) => `<|start_header_id|>${roleOf(m, "Llama")}<|end_header_id|>\n\n${m.text}<|eot_id|>`);
  return `<|begin_of_text|>${turns.join("")}<|start_header_id|>assistant<|end_header_id|>\n\n`;
}

/** Llama 4's (`<|header_start|>…<|header_end|>`, `<|eot|>`), following langchain-aws's `convert_messages_to_prompt_llama4`. */
export function llama4Prompt(messages: readonly BaseMessage[]): string {
  const turns = messages.map((m) => `<|header_start|>${roleOf(m, "Llama")}<|header_end|>\n\n${m.text}<|eot|>`);
  return `<|begin_of_text|>${turns.join("")}<|header_start|>assistant<|header_end|>\n\n`;
}

/**
 * Mistral's instruction format, as langchain-aws's `convert_messages_to_prompt_mistral` writes it:
 * human `[INST] … [/INST]`, AI text as it is, system `<<SYS>> … <</SYS>>`, joined with "\n".
 */
export function mistralPrompt(messages: readonly BaseMessage[]): string {
  return messages
    .map((m) => {
      const role = roleOf(m, "Mistral");
      if (role === "user") return `[INST] ${m.text} [/INST]`;
      if (role === "system") return `<<SYS>> ${m.text} <</SYS>>`;
      return m.text;
    })
    .join("\n");
}

/**
 * DeepSeek-R1's template as the Bedrock user guide's InvokeModel example writes it
 * (`<｜begin▁of▁sentence｜><｜User｜>…<｜Assistant｜>`, full-width bars). langchain-aws's
 * `convert_messages_to_prompt_deepseek` uses ASCII `<|User|>` tokens, which the DeepSeek
 * tokenizer does not treat as special; we use the model's own tokens. A system prompt goes first,
 * bare, as DeepSeek's chat template places it.
 */
export function deepseekPrompt(messages: readonly BaseMessage[]): string {
  let prompt = "<｜begin▁of▁sentence｜>";
  for (const m of messages) {
    const role = roleOf(m, "DeepSeek");
    prompt += role === "system" ? m.text : role === "user" ? `<｜User｜>${m.text}` : `<｜Assistant｜>${m.text}<｜end▁of▁sentence｜>`;
  }
  return `${prompt}<｜Assistant｜>`;
}

/**
 * Titan Text's `User: … Bot:` transcript, as langchain-aws builds it (the Anthropic-style
 * converter with "\n\nUser:" / "\n\nBot:", system text bare, a trailing open `Bot:`), with the
 * leading blank lines trimmed: the AWS Titan prompt guide starts the prompt at `User:`.
 */
export function titanPrompt(messages: readonly BaseMessage[]): string {
  let text = "";
  for (const m of messages) {
    const role = roleOf(m, "Titan Text");
    text += role === "system" ? m.text : role === "user" ? `\n\nUser: ${m.text}` : `\n\nBot: ${m.text}`;
  }
  if (messages.at(-1)?.type !== "ai") text += "\n\nBot:";
  return text.trimStart().trimEnd();
}
