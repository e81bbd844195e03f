// Profiles room: model quirk profiles by family, resolved from the model ID, and the request adjustments they make.
export { applyProfile, reasoningOn, FALLBACK_TOOL_NAME, type ApplyProfileOptions, type ProfiledRequest } from "./apply-profile.js";
export { modelFamily, stripProfilePrefix, type ModelFamily } from "./model-family.js";
export { PROFILE_TABLE, PROVIDER_PROFILES, type ProfileRow } from "./profile-table.js";
export { THINKING_BUDGETS } from "./reasoning-effort.js";
export { effectiveProfile, resolveProfile } from "./resolve-profile.js";
export { countUnionParameters, sanitizeOutputSchema } from "./schema-limits.js";
export type {
  ModelIdentity,
  ModelProfile,
  ProfileOption,
  ProfileOverrides,
  ReasoningEffort,
  ReasoningStyle,
  ToolChoiceValue,
} from "./profile-types.js";
