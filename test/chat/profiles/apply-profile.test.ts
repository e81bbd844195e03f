// applyProfile: one row per profile fact (source cited), each change with its warning; unknown models untouched.
import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../../src/errors/index.js";
import type { ConverseRequest } from "../../../src/wire/index.js";
import { applyProfile, resolveProfile, type ModelProfile } from "../../../src/chat/profiles/index.js";

const messages = [{ role: "user" as const, content: [{ text: "Hi" }] }];
const base = (id: string, extra: Partial<ConverseRequest> = {}): ConverseRequest => ({ modelId: id, messages, ...extra });
const profileOf = (id: string): ModelProfile => {
  const profile = resolveProfile(id);
  if (!profile) throw new Error(`no profile for ${id}`);
  return profile;
};
const tool = (name: string, json: Record<string, unknown> = { type: "object", properties: { city: { type: "string" } } }, strict?: boolean) => ({
  toolSpec: { name, description: name, inputSchema: { json }, ...(strict !== undefined && { strict }) },
});
const nativeOutput = (schema: Record<string, unknown>, name = "Joke") => ({
  textFormat: { type: "json_schema" as const, structure: { jsonSchema: { schema: JSON.stringify(schema), name } } },
});

type Row = [fact: string, modelId: string, request: Partial<ConverseRequest>, expected: Partial<ConverseRequest>, warnings: RegExp[]];

describe("applyProfile: what each profile changes, with a warning", () => {
  it.each<Row>([
    [
      "Opus 4.7 refuses temperature/topP (langchain-aws #1094, PR #1095): both dropped",
      "us.anthropic.claude-opus-4-7",
      { inferenceConfig: { temperature: 0.2, topP: 0.9, maxTokens: 100 } },
      { inferenceConfig: { maxTokens: 100 } },
      [/^temperature, topP dropped: Claude Opus 4.7 refuses sampling parameters \(CH02\)$/],
    ],
    [
      "Claude 5 generation refuses sampling params (@ai-sdk/anthropic rejectsSamplingParameters), top_k too",
      "global.anthropic.claude-sonnet-5-v1:0",
      { inferenceConfig: { temperature: 0.2 }, additionalModelRequestFields: { top_k: 5 } },
      {},
      [/^temperature, top_k dropped: Claude Opus 5 \/ Sonnet 5 \/ Fable 5 refuses sampling parameters \(CH02\)$/],
    ],
    [
      "Sonnet 4.5 refuses temperature with topP (mem0 #3891, PR #4365): temperature kept",
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      { inferenceConfig: { temperature: 0.2, topP: 0.9 } },
      { inferenceConfig: { temperature: 0.2 } },
      [/^topP dropped, temperature kept: Claude Sonnet 4\.5 refuses both \(CH03\)$/],
    ],
    [
      "Haiku 4.5 takes topP alone (mem0 #4004)",
      "anthropic.claude-haiku-4-5-20251001-v1:0",
      { inferenceConfig: { topP: 0.9 } },
      { inferenceConfig: { topP: 0.9 } },
      [],
    ],
    [
      "Opus 4.8 refuses strict tools (vercel/ai PR #17919): strict dropped",
      "anthropic.claude-opus-4-8",
      { toolConfig: { tools: [tool("get_weather", undefined, true), tool("other")] } },
      { toolConfig: { tools: [tool("get_weather"), tool("other")] } },
      [/^strict dropped from tools get_weather: Claude Opus 4\.8 refuses it \(CH07\)$/],
    ],
    [
      "Sonnet 4.6 keeps strict tools (vercel/ai PR #20128)",
      "anthropic.claude-sonnet-4-6",
      { toolConfig: { tools: [tool("get_weather", undefined, true)] } },
      { toolConfig: { tools: [tool("get_weather", undefined, true)] } },
      [],
    ],
    [
      "Opus 4.7 refuses output_config.format (vercel/ai PR #17919): a forced json_output tool instead",
      "anthropic.claude-opus-4-7",
      { outputConfig: nativeOutput({ type: "object", properties: { a: { type: "string" } } }) },
      {
        toolConfig: {
          tools: [{ toolSpec: { name: "json_output", description: "Joke: the answer as JSON", inputSchema: { json: { type: "object", properties: { a: { type: "string" } } } } } }],
          toolChoice: { tool: { name: "json_output" } },
        },
      },
      [/^outputConfig\.textFormat replaced by forced tool "json_output": Claude Opus 4\.7 refuses it \(CH05\)$/],
    ],
    [
      "gpt-oss refuses stopSequences (aws-samples/bedrock-chat PR #924)",
      "openai.gpt-oss-20b-1:0",
      { inferenceConfig: { stopSequences: ["END"], maxTokens: 10 } },
      { inferenceConfig: { maxTokens: 10 } },
      [/^stopSequences dropped: OpenAI gpt-oss refuses them \(CH04\)$/],
    ],
    [
      "Opus 4.7 takes adaptive thinking only (AWS adaptive-thinking page): enabled + budget becomes adaptive",
      "anthropic.claude-opus-4-7",
      { additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048, display: "summarized" } } },
      { additionalModelRequestFields: { thinking: { type: "adaptive", display: "summarized" } } },
      [/^thinking changed to adaptive: Claude Opus 4\.7 takes no other \(CH01\)$/],
    ],
  ])("%s", (_fact, id, extra, expected, warnings) => {
    const { request, warnings: got } = applyProfile(base(id, extra), profileOf(id));
    expect(request).toEqual(base(id, expected));
    expect(got).toHaveLength(warnings.length);
    got.forEach((w, i) => expect(w).toMatch(warnings[i]!));
  });
});

describe("applyProfile: tool choice (supportsToolChoiceValues, forced choice while thinking)", () => {
  const weather = tool("get_weather");
  const other = tool("other");
  type ChoiceRow = [fact: string, modelId: string, tools: unknown[], choice: unknown, fields: Record<string, unknown> | undefined, expected: unknown, warning?: RegExp];
  it.each<ChoiceRow>([
    ["Llama 3.3 takes auto only (langchain-aws PR #627)", "meta.llama3-3-70b-instruct-v1:0", [weather], { any: {} }, undefined, { auto: {} }, /^tool_choice "any" was changed to "auto": Meta Llama 3\.1\+ \/ 4 accepts only "auto"$/],
    ["Llama 4: a named tool becomes auto", "us.meta.llama4-scout-17b-instruct-v1:0", [weather], { tool: { name: "get_weather" } }, undefined, { auto: {} }, /^tool_choice "get_weather" was changed to "auto"/],
    ["Mistral Large: a named tool among one becomes any (langchain-aws)", "mistral.mistral-large-2407-v1:0", [weather], { tool: { name: "get_weather" } }, undefined, { any: {} }, /^tool_choice "get_weather" was changed to "any": Mistral Large accepts only "auto", "any"$/],
    ["Mistral Large: a named tool among several becomes auto", "mistral.mistral-large-2407-v1:0", [weather, other], { tool: { name: "get_weather" } }, undefined, { auto: {} }, /changed to "auto"/],
    ["Llama 3.2 1B takes no tool choice: left out", "meta.llama3-2-1b-instruct-v1:0", [weather], { auto: {} }, undefined, undefined, /^tool_choice "auto" was left out: Meta Llama 3 accepts no tool choice$/],
    ["Nova takes tool (langchain-aws, AWS ToolChoice doc)", "amazon.nova-pro-v1:0", [weather], { tool: { name: "get_weather" } }, undefined, { tool: { name: "get_weather" } }],
    ["Sonnet 4 with thinking: forced → auto (langchain-aws #861)", "us.anthropic.claude-sonnet-4-20250514-v1:0", [weather], { any: {} }, { thinking: { type: "enabled", budget_tokens: 1024 } }, { auto: {} }, /^tool_choice "any" was changed to "auto": Bedrock refuses it with extended thinking \(CH11\)$/],
    ["Opus 4.8 with adaptive thinking keeps a forced tool (langchain-aws PR #1141)", "anthropic.claude-opus-4-8", [weather], { tool: { name: "get_weather" } }, { thinking: { type: "adaptive" } }, { tool: { name: "get_weather" } }],
    ["Sonnet 5.5 refuses forced tool use outright (@ai-sdk/anthropic rejectsForcedToolUse)", "anthropic.claude-sonnet-5-5-v1:0", [weather], { any: {} }, undefined, { auto: {} }, /"any" was changed to "auto": Claude Opus 5\.5/],
    ["DeepSeek V3 with reasoning_effort: any → auto (langchain-aws PR #1261)", "deepseek.v3-v1:0", [weather], { any: {} }, { reasoning_effort: "high" }, { auto: {} }, /Bedrock refuses it with extended thinking \(CH11\)/],
    ["DeepSeek V3 without reasoning keeps any", "deepseek.v3-v1:0", [weather], { any: {} }, undefined, { any: {} }],
  ])("%s", (_fact, id, tools, choice, fields, expected, warning) => {
    const input = base(id, { toolConfig: { tools, toolChoice: choice } as never, ...(fields && { additionalModelRequestFields: fields }) });
    const { request, warnings } = applyProfile(input, profileOf(id));
    expect((request.toolConfig as { toolChoice?: unknown }).toolChoice).toEqual(expected);
    if (warning) expect(warnings).toEqual([expect.stringMatching(warning)]);
    else expect(warnings).toEqual([]);
  });
});

describe("applyProfile: union-typed parameters (langchain-aws PR #1114)", () => {
  const nullable = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { anyOf: [{ type: "string" }, { type: "null" }] }]));

  it("counts across all tools of the request and refuses more than 16 before sending", () => {
    const tools = [tool("a", { type: "object", properties: nullable(9) }), tool("b", { type: "object", properties: { ...nullable(8), t: { type: ["string", "null"] } } })];
    const run = () => applyProfile(base("anthropic.claude-sonnet-4-20250514-v1:0", { toolConfig: { tools } as never }), profileOf("anthropic.claude-sonnet-4-20250514-v1:0"));
    expect(run).toThrow(BedrockInputError);
    expect(run).toThrow(/^toolConfig\.tools: 18 union-typed parameters; Claude 3\.7 \/ 4\.x accepts at most 16 \(CH08\)$/);
  });

  it("16 pass", () => {
    const tools = [tool("a", { type: "object", properties: nullable(16) })];
    expect(applyProfile(base("anthropic.claude-opus-4-7", { toolConfig: { tools } as never }), profileOf("anthropic.claude-opus-4-7")).warnings).toEqual([]);
  });

  it("models without the limit in their profile are not checked", () => {
    const tools = [tool("a", { type: "object", properties: nullable(30) })];
    expect(() => applyProfile(base("amazon.nova-pro-v1:0", { toolConfig: { tools } as never }), profileOf("amazon.nova-pro-v1:0"))).not.toThrow();
  });
});

describe("applyProfile: models that take no tools (langchain-aws #447)", () => {
  const R1 = "us.deepseek.r1-v1:0";

  it("DeepSeek R1 with tools is a BedrockInputError naming the model, before sending", () => {
    const run = () => applyProfile(base(R1, { toolConfig: { tools: [tool("get_weather")] } as never }), profileOf(R1));
    expect(run).toThrow(BedrockInputError);
    expect(run).toThrow(/^toolConfig\.tools: DeepSeek R1 does not support tool use \(CH10\)$/);
  });

  it("without tools it passes; an override lets the tools through", () => {
    expect(applyProfile(base(R1), profileOf(R1)).warnings).toEqual([]);
    const overridden = { ...profileOf(R1), supportsToolUse: true };
    const { request } = applyProfile(base(R1, { toolConfig: { tools: [tool("get_weather")] } as never }), overridden);
    expect(request.toolConfig?.tools).toHaveLength(1);
  });

  it("a model that takes tools is not checked", () => {
    expect(() => applyProfile(base("us.deepseek.v3-v1:0", { toolConfig: { tools: [tool("a")] } as never }), profileOf("us.deepseek.v3-v1:0"))).not.toThrow();
  });
});

describe("applyProfile: Mistral's 9-character tool-use IDs (opencode PR #48843, vercel/ai #11802)", () => {
  const history = (id: string): ConverseRequest["messages"] => [
    { role: "user", content: [{ text: "Weather?" }] },
    { role: "assistant", content: [{ toolUse: { toolUseId: id, name: "get_weather", input: {} } }] },
    { role: "user", content: [{ toolResult: { toolUseId: id, content: [{ text: "sunny" }] } }] },
  ];

  it.each(["us.mistral.pixtral-large-2502-v1:0", "mistral.mistral-large-2402-v1:0", "mistral.ministral-3-14b-instruct"])("%s: rewritten in call and result, with a warning", (id) => {
    const { request, warnings } = applyProfile(base(id, { messages: history("call-1") }), profileOf(id));
    const useId = request.messages![1]!.content![0]!.toolUse!.toolUseId!;
    expect(useId).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(request.messages![2]!.content![0]!.toolResult!.toolUseId).toBe(useId);
    expect(warnings).toEqual([expect.stringMatching(/^1 tool-use ID\(s\) rewritten to 9 letters and digits: Mistral( Large)? refuses others \(CH09\)$/)]);
  });

  it("valid IDs and other families are left alone", () => {
    expect(applyProfile(base("mistral.mistral-large-2402-v1:0", { messages: history("abc123XYZ") }), profileOf("mistral.mistral-large-2402-v1:0")).warnings).toEqual([]);
    const claude = applyProfile(base("anthropic.claude-3-5-sonnet-20240620-v1:0", { messages: history("call-1") }), profileOf("anthropic.claude-3-5-sonnet-20240620-v1:0"));
    expect(claude.request.messages![1]!.content![0]!.toolUse!.toolUseId).toBe("call-1");
  });
});

describe("applyProfile: native structured output schema keywords (vercel/ai #17197, PR #17558)", () => {
  it("moves refused keywords into descriptions and warns", () => {
    const schema = {
      type: "object",
      properties: {
        rating: { type: "integer", minimum: 1, maximum: 5, description: "Stars" },
        tags: { type: "array", items: { type: "string", pattern: "^[a-z]+$" }, maxItems: 3 },
        when: { type: "string", format: "date-time" },
        site: { type: "string", format: "hostname-ish" },
      },
      required: ["rating"],
      additionalProperties: false,
    };
    const id = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    const input = base(id, { outputConfig: nativeOutput(schema) });
    const { request, warnings } = applyProfile(input, profileOf(id));
    const sent = JSON.parse((request.outputConfig!.textFormat!.structure as { jsonSchema: { schema: string } }).jsonSchema.schema);
    expect(sent.properties.rating).toEqual({ type: "integer", description: "Stars Minimum: 1; maximum: 5." });
    expect(sent.properties.tags).toEqual({ type: "array", items: { type: "string", description: "Pattern: ^[a-z]+$." }, description: "Max items: 3." });
    expect(sent.properties.when).toEqual({ type: "string", format: "date-time" });
    expect(sent.properties.site).toEqual({ type: "string", description: "Format: hostname-ish." });
    expect(warnings).toEqual([
      "outputConfig.textFormat schema: minimum, maximum, pattern, maxItems, format moved into descriptions: Claude Sonnet 4.5 refuses them (CH06)",
    ]);
    // Pure: the caller's request is unchanged.
    expect(JSON.parse((input.outputConfig!.textFormat!.structure as { jsonSchema: { schema: string } }).jsonSchema.schema)).toEqual(schema);
  });
});

describe("applyProfile: no profile, no change", () => {
  it("an unknown model's request is returned as built, with no warnings", () => {
    const input = base("writer.palmyra-x5-v1:0", {
      inferenceConfig: { temperature: 0.2, topP: 0.9, stopSequences: ["x"] },
      toolConfig: { tools: [tool("a", undefined, true)], toolChoice: { any: {} } } as never,
    });
    expect(applyProfile(input, resolveProfile(input.modelId!))).toEqual({ request: input, warnings: [] });
  });

  it("but Anthropic's own `thinking` field still gets the forced-tool downgrade, with its warning", () => {
    // An application inference profile ARN without baseModelId: no profile, yet the request says Claude.
    const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    const input = base(arn, {
      toolConfig: { tools: [tool("a")], toolChoice: { any: {} } } as never,
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
    });
    const { request, warnings } = applyProfile(input, resolveProfile(arn));
    expect((request.toolConfig as { toolChoice?: unknown }).toolChoice).toEqual({ auto: {} });
    expect(warnings).toEqual(['tool_choice "any" was changed to "auto": Bedrock refuses it with extended thinking (CH11)']);
  });

  it("never changes the request it is given", () => {
    const input = base("anthropic.claude-opus-4-7", {
      inferenceConfig: { temperature: 0.2 },
      toolConfig: { tools: [tool("a", undefined, true)], toolChoice: { any: {} } } as never,
    });
    const before = structuredClone(input);
    applyProfile(input, profileOf("anthropic.claude-opus-4-7"), { reasoningEffort: "high" });
    expect(input).toEqual(before);
  });
});
