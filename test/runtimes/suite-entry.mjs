// What each runtime wrapper imports: the built package (inlined by the bundler or loaded
// by the runtime itself, never src/) joined to the scenario suite.
import * as lib from "bedrock-edge";
import { runScenarios } from "./scenarios.ts";

export { RESULT_MARKER } from "./runtime-output.ts";

/**
 * @param {string} baseUrl the emulator's origin
 * @param {string} engine how the runtime names itself
 * @returns {Promise<import("./runtime-output.ts").RuntimeOutput>}
 */
export async function runSuite(baseUrl, engine) {
  return { engine, results: await runScenarios({ baseUrl, lib }) };
}
