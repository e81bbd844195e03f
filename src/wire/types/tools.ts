// Tool definitions and tool choice (`toolConfig` of a Converse request).
import type { DocumentType } from "./common.js";
import type { CachePointBlock } from "./content-blocks.js";
import type { TaggedUnion, UnionMember, UnknownUnionMember } from "./union.js";

/** A JSON Schema describing the tool's input. */
export type ToolInputSchema = TaggedUnion<{ json: DocumentType }>;

export interface ToolSpecification {
  name: string | undefined;
  description?: string | undefined;
  inputSchema: ToolInputSchema | undefined;
  /** Ask the model to follow the schema exactly (models that support it). */
  strict?: boolean | undefined;
}

/** A tool the model provider runs itself (for example web search). */
export interface SystemTool {
  name: string | undefined;
}

interface ToolMembers {
  toolSpec: ToolSpecification;
  systemTool: SystemTool;
  cachePoint: CachePointBlock;
}
export type Tool = TaggedUnion<ToolMembers>;
export declare namespace Tool {
  type ToolSpecMember = UnionMember<ToolMembers, "toolSpec">;
  type SystemToolMember = UnionMember<ToolMembers, "systemTool">;
  type CachePointMember = UnionMember<ToolMembers, "cachePoint">;
  type $UnknownMember = UnknownUnionMember<ToolMembers>;
}

/** The model picks whether to call a tool. */
export interface AutoToolChoice {}
/** The model must call some tool. */
export interface AnyToolChoice {}
/** The model must call this tool. */
export interface SpecificToolChoice {
  name: string | undefined;
}

interface ToolChoiceMembers {
  auto: AutoToolChoice;
  any: AnyToolChoice;
  tool: SpecificToolChoice;
}
export type ToolChoice = TaggedUnion<ToolChoiceMembers>;
export declare namespace ToolChoice {
  type AutoMember = UnionMember<ToolChoiceMembers, "auto">;
  type AnyMember = UnionMember<ToolChoiceMembers, "any">;
  type ToolMember = UnionMember<ToolChoiceMembers, "tool">;
  type $UnknownMember = UnknownUnionMember<ToolChoiceMembers>;
}

export interface ToolConfiguration {
  tools: Tool[] | undefined;
  toolChoice?: ToolChoice | undefined;
}
