// Model ID (+ provider / baseModelId) → its quirk profile, and the caller's `profile` overrides laid over it.
import { modelFamily } from "./model-family.js";
import { PROFILE_TABLE, PROVIDER_PROFILES } from "./profile-table.js";
import type { ModelIdentity, ModelProfile, ProfileOption } from "./profile-types.js";

/**
 * The profile of a model, or `undefined` when the table does not know it (nothing is adjusted).
 * The ID may be a model ID, an inference profile ID (`us.`, `eu.`, `apac.`, `global.`, `us-gov.`,
 * `jp.`, `au.`, … prefixes) or a foundation-model / inference-profile ARN; for an application
 * inference profile ARN, `baseModelId` (or at least `provider`) names the model.
 * @example
 * resolveProfile("global.anthropic.claude-opus-4-7")?.rejectsSamplingParameters; // true
 * resolveProfile("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x1", { baseModelId: "anthropic.claude-opus-4-7" })?.name; // "Claude Opus 4.7"
 */
export function resolveProfile(modelId: string, identity: ModelIdentity = {}): ModelProfile | undefined {
  const { provider, baseModel } = modelFamily(modelId, identity);
  if (baseModel !== undefined) {
    // The base model decides; `provider` only matters when nothing names the model.
    const row = PROFILE_TABLE.find((r) => r.match.test(baseModel));
    if (row) return row.profile;
  }
  return provider !== undefined ? PROVIDER_PROFILES[provider] : undefined;
}

/**
 * The profile a request is adjusted by: none for `profile: false`; the resolved one with the
 * overrides laid over it; or, for a model the table does not know, the overrides alone.
 */
export function effectiveProfile(modelId: string, identity: ModelIdentity, option: ProfileOption | undefined): ModelProfile | undefined {
  if (option === false) return undefined;
  const resolved = resolveProfile(modelId, identity);
  if (option === undefined || Object.keys(option).length === 0) return resolved;
  const base: ModelProfile = resolved ?? { name: "custom profile", provider: identity.provider ?? "unknown" };
  return { ...base, ...option, name: option.name ?? (resolved ? `${resolved.name} (overridden)` : base.name) };
}
