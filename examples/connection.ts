// examples/connection.ts: where the examples send requests: Amazon Bedrock, or the local emulator.
import { EMULATOR_CREDENTIALS } from "bedrock-edge/testing";

/**
 * `{}` for Amazon Bedrock (keys or API key from the environment), or, when
 * BEDROCK_EMULATOR_URL is set, the emulator's endpoint and its test keys.
 */
export function connection() {
  const endpoint = process.env.BEDROCK_EMULATOR_URL;
  return endpoint ? { endpoint, credentials: EMULATOR_CREDENTIALS } : {};
}
