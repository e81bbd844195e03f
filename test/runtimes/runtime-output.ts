// The JSON every runtime wrapper reports back to its harness.
import type { ScenarioResult } from "./scenario-kit.js";

/** Marker before the one JSON line a command-line runtime prints with its results. */
export const RESULT_MARKER = "@@bedrock-edge-runtime-results@@";

export interface RuntimeOutput {
  /** The engine's own word for itself (user agent or version), to show the right one ran. */
  engine: string;
  results: ScenarioResult[];
}
