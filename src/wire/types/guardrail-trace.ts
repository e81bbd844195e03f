// Guardrail assessments as reported in `trace.guardrail` of responses and stream metadata.
import type { Open } from "./enums.js";
import type { TaggedUnion } from "./union.js";

// Output-only shapes: enum-like fields are open strings so new values from the service type-check.

type PolicyAction = Open<"BLOCKED" | "NONE">;

export interface GuardrailTopic {
  name: string | undefined;
  type: Open<"DENY"> | undefined;
  action: PolicyAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailTopicPolicyAssessment {
  topics: GuardrailTopic[] | undefined;
}

export interface GuardrailContentFilter {
  type: Open<"HATE" | "INSULTS" | "MISCONDUCT" | "PROMPT_ATTACK" | "SEXUAL" | "VIOLENCE"> | undefined;
  confidence: Open<"HIGH" | "LOW" | "MEDIUM" | "NONE"> | undefined;
  filterStrength?: Open<"HIGH" | "LOW" | "MEDIUM" | "NONE"> | undefined;
  action: PolicyAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailContentPolicyAssessment {
  filters: GuardrailContentFilter[] | undefined;
}

export interface GuardrailCustomWord {
  match: string | undefined;
  action: PolicyAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailManagedWord {
  match: string | undefined;
  type: Open<"PROFANITY"> | undefined;
  action: PolicyAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailWordPolicyAssessment {
  customWords: GuardrailCustomWord[] | undefined;
  managedWordLists: GuardrailManagedWord[] | undefined;
}

type SensitiveAction = Open<"ANONYMIZED" | "BLOCKED" | "NONE">;

export interface GuardrailPiiEntityFilter {
  match: string | undefined;
  /** A PII entity type such as `EMAIL`, `PHONE` or `US_SOCIAL_SECURITY_NUMBER`. */
  type: string | undefined;
  action: SensitiveAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailRegexFilter {
  name?: string | undefined;
  match?: string | undefined;
  regex?: string | undefined;
  action: SensitiveAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailSensitiveInformationPolicyAssessment {
  piiEntities: GuardrailPiiEntityFilter[] | undefined;
  regexes: GuardrailRegexFilter[] | undefined;
}

export interface GuardrailContextualGroundingFilter {
  type: Open<"GROUNDING" | "RELEVANCE"> | undefined;
  threshold: number | undefined;
  score: number | undefined;
  action: PolicyAction | undefined;
  detected?: boolean | undefined;
}

export interface GuardrailContextualGroundingPolicyAssessment {
  filters?: GuardrailContextualGroundingFilter[] | undefined;
}

/**
 * The body of an automated-reasoning finding. Nested parts (translations, scenarios, rules)
 * are kept as sent; see the AWS SDK's `GuardrailAutomatedReasoning*Finding` for their fields.
 */
export interface GuardrailAutomatedReasoningFindingDetails {
  translation?: unknown;
  contradictingRules?: unknown[] | undefined;
  supportingRules?: unknown[] | undefined;
  logicWarning?: unknown;
  claimsTrueScenario?: unknown;
  claimsFalseScenario?: unknown;
  options?: unknown[] | undefined;
  differenceScenarios?: unknown[] | undefined;
}

/** One automated-reasoning finding: exactly one verdict key is set. */
export type GuardrailAutomatedReasoningFinding = TaggedUnion<{
  valid: GuardrailAutomatedReasoningFindingDetails;
  invalid: GuardrailAutomatedReasoningFindingDetails;
  satisfiable: GuardrailAutomatedReasoningFindingDetails;
  impossible: GuardrailAutomatedReasoningFindingDetails;
  translationAmbiguous: GuardrailAutomatedReasoningFindingDetails;
  tooComplex: GuardrailAutomatedReasoningFindingDetails;
  noTranslations: GuardrailAutomatedReasoningFindingDetails;
}>;

export interface GuardrailAutomatedReasoningPolicyAssessment {
  findings?: GuardrailAutomatedReasoningFinding[] | undefined;
}

export interface GuardrailUsage {
  topicPolicyUnits: number | undefined;
  contentPolicyUnits: number | undefined;
  wordPolicyUnits: number | undefined;
  sensitiveInformationPolicyUnits: number | undefined;
  sensitiveInformationPolicyFreeUnits: number | undefined;
  contextualGroundingPolicyUnits: number | undefined;
  contentPolicyImageUnits?: number | undefined;
  automatedReasoningPolicyUnits?: number | undefined;
  automatedReasoningPolicies?: number | undefined;
}

export interface GuardrailCoverage {
  textCharacters?: { guarded?: number | undefined; total?: number | undefined } | undefined;
  images?: { guarded?: number | undefined; total?: number | undefined } | undefined;
}

export interface GuardrailInvocationMetrics {
  guardrailProcessingLatency?: number | undefined;
  usage?: GuardrailUsage | undefined;
  guardrailCoverage?: GuardrailCoverage | undefined;
}

export interface AppliedGuardrailDetails {
  guardrailId?: string | undefined;
  guardrailVersion?: string | undefined;
  guardrailArn?: string | undefined;
  guardrailOrigin?: Open<"ACCOUNT_ENFORCED" | "ORGANIZATION_ENFORCED" | "REQUEST">[] | undefined;
  guardrailOwnership?: Open<"CROSS_ACCOUNT" | "SELF"> | undefined;
}

/** What one guardrail found in one piece of content. */
export interface GuardrailAssessment {
  topicPolicy?: GuardrailTopicPolicyAssessment | undefined;
  contentPolicy?: GuardrailContentPolicyAssessment | undefined;
  wordPolicy?: GuardrailWordPolicyAssessment | undefined;
  sensitiveInformationPolicy?: GuardrailSensitiveInformationPolicyAssessment | undefined;
  contextualGroundingPolicy?: GuardrailContextualGroundingPolicyAssessment | undefined;
  automatedReasoningPolicy?: GuardrailAutomatedReasoningPolicyAssessment | undefined;
  invocationMetrics?: GuardrailInvocationMetrics | undefined;
  appliedGuardrailDetails?: AppliedGuardrailDetails | undefined;
}

/** `trace.guardrail`: assessments keyed by guardrail ID (input) and per output. */
export interface GuardrailTraceAssessment {
  modelOutput?: string[] | undefined;
  inputAssessment?: Record<string, GuardrailAssessment> | undefined;
  outputAssessments?: Record<string, GuardrailAssessment[]> | undefined;
  actionReason?: string | undefined;
}

/** `trace.promptRouter`: which model a prompt router chose. */
export interface PromptRouterTrace {
  invokedModelId?: string | undefined;
}
