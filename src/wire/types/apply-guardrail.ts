// ApplyGuardrail: a guardrail run on content alone, without a model.
import type { BlobInput } from "./common.js";
import type { Open } from "./enums.js";
import type { GuardrailAssessment, GuardrailCoverage, GuardrailUsage } from "./guardrail-trace.js";
import type { TaggedUnion } from "./union.js";

export type GuardrailContentSource = Open<"INPUT" | "OUTPUT">;
export type GuardrailOutputScope = Open<"INTERVENTIONS" | "FULL">;
export type GuardrailContentQualifier = Open<"grounding_source" | "query" | "guard_content">;

export interface GuardrailTextBlock {
  text: string | undefined;
  qualifiers?: GuardrailContentQualifier[] | undefined;
}

export interface GuardrailImageBlock<B = BlobInput> {
  format: Open<"png" | "jpeg"> | undefined;
  source: { bytes: B } | undefined;
}

export type GuardrailContentBlock<B = BlobInput> = TaggedUnion<{ text: GuardrailTextBlock; image: GuardrailImageBlock<B> }>;

/**
 * `POST /guardrail/{guardrailIdentifier}/version/{guardrailVersion}/apply`; the two IDs go in the
 * path, the rest in the JSON body.
 * @example
 * const request: ApplyGuardrailRequest = {
 *   guardrailIdentifier: "gr-abc123", guardrailVersion: "1", source: "INPUT",
 *   content: [{ text: { text: "Is this allowed?" } }],
 * };
 */
export interface ApplyGuardrailRequest {
  guardrailIdentifier: string | undefined;
  guardrailVersion: string | undefined;
  source: GuardrailContentSource | undefined;
  content: GuardrailContentBlock[] | undefined;
  outputScope?: GuardrailOutputScope | undefined;
}

export interface GuardrailOutputContent {
  text?: string | undefined;
}

export interface ApplyGuardrailResponse {
  usage: GuardrailUsage | undefined;
  action: Open<"NONE" | "GUARDRAIL_INTERVENED"> | undefined;
  actionReason?: string | undefined;
  outputs: GuardrailOutputContent[] | undefined;
  assessments: GuardrailAssessment[] | undefined;
  guardrailCoverage?: GuardrailCoverage | undefined;
}

/** What `applyGuardrail` resolves to: the response plus `$metadata`, as the SDK's ApplyGuardrailCommandOutput. */
export type ApplyGuardrailCommandOutput = ApplyGuardrailResponse & {
  $metadata: { httpStatusCode: number; requestId: string | undefined; attempts: number };
};
