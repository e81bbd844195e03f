// Credentials, region and Bedrock API key from the environment, where the runtime has one.
import { BedrockInputError } from "../errors/index.js";
import { readEnv } from "../runtime.js";
import type { AwsCredentials } from "./credentials.js";
import { assertHeaderSafe } from "./header-value.js";
import { redactCredentials } from "./redact.js";

/** Reads one variable; `readEnv` by default, injectable for tests. */
export type EnvReader = (name: string) => string | undefined;

/**
 * `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`), or `undefined` when
 * neither key is set or the runtime has no environment (browsers, Workers without bindings).
 * One key without the other is a configuration mistake and throws, naming the missing variable.
 */
export function credentialsFromEnv(env: EnvReader = readEnv): AwsCredentials | undefined {
  const accessKeyId = env("AWS_ACCESS_KEY_ID");
  const secretAccessKey = env("AWS_SECRET_ACCESS_KEY");
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined) {
    throw new BedrockInputError("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
  }
  if (secretAccessKey === undefined) {
    throw new BedrockInputError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
  }
  const sessionToken = env("AWS_SESSION_TOKEN");
  // Named by variable: a trailing newline in a .env file or secret store is the usual cause.
  assertHeaderSafe(accessKeyId, "AWS_ACCESS_KEY_ID");
  assertHeaderSafe(secretAccessKey, "AWS_SECRET_ACCESS_KEY");
  if (sessionToken !== undefined) assertHeaderSafe(sessionToken, "AWS_SESSION_TOKEN");
  return redactCredentials(sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken });
}

/** `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `undefined`. */
export function regionFromEnv(env: EnvReader = readEnv): string | undefined {
  return env("AWS_REGION") ?? env("AWS_DEFAULT_REGION");
}

/** A Bedrock API key from `AWS_BEARER_TOKEN_BEDROCK`, else `undefined` (checked by the client, which names the variable). */
export function apiKeyFromEnv(env: EnvReader = readEnv): string | undefined {
  return env("AWS_BEARER_TOKEN_BEDROCK");
}
