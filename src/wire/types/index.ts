// Converse, ConverseStream, CountTokens, InvokeModel(WithResponseStream), ApplyGuardrail and async-invoke types in the AWS SDK's shapes, and the enum-like values.
export * from "./union.js";
export * from "./common.js";
export * from "./enums.js";
export * from "./citations.js";
export * from "./media-blocks.js";
export * from "./content-blocks.js";
export * from "./tools.js";
export * from "./guardrail-trace.js";
export * from "./converse.js";
export * from "./stream-events.js";
export * from "./count-tokens.js";
export * from "./invoke.js";
export * from "./apply-guardrail.js";
export * from "./rerank.js";
export * from "./async-invoke.js";
