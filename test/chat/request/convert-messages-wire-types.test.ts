// The converters' own (narrower) request shapes must fit the client's wire types: checked by tsc.
import { expect, it } from "vitest";
import type * as Local from "../../../src/chat/request/convert-wire-types.js";
import type * as Wire from "../../../src/wire/index.js";

// Each line fails to compile if a converter output would not be accepted by BedrockRuntime.
const checks = (l: {
  message: Local.Message;
  system: Local.SystemContentBlock;
  content: Local.ContentBlock;
  toolResult: Local.ToolResultContentBlock;
  tool: Local.Tool;
  choice: Local.ToolChoice;
  config: Local.ToolConfiguration;
}) => {
  const message: Wire.Message = l.message;
  const system: Wire.SystemContentBlock = l.system;
  const content: Wire.ContentBlock = l.content;
  const toolResult: Wire.ToolResultContentBlock = l.toolResult;
  const tool: Wire.Tool = l.tool;
  const choice: Wire.ToolChoice = l.choice;
  const config: Wire.ToolConfiguration = l.config;
  return [message, system, content, toolResult, tool, choice, config];
};

it("converter outputs are wire request types", () => {
  expect(typeof checks).toBe("function");
});
