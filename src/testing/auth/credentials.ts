// Test credentials and keys the emulator accepts unless told otherwise. None of them is real.

/** Static SigV4 credentials: the example key pair from AWS's own SigV4 documentation and test suite. */
export const EMULATOR_CREDENTIALS = Object.freeze({
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
});

/**
 * Temporary (STS-style) credentials: requests signed with them must carry the session token
 * as `x-amz-security-token`, as AWS requires. Handy for browser tests, where long-term keys are refused.
 */
export const EMULATOR_SESSION_CREDENTIALS = Object.freeze({
  accessKeyId: "ASIAEMULATOREXAMPLE",
  secretAccessKey: "emulatorSessionSecretKeyEXAMPLE0123456789",
  sessionToken: "EmulatorSessionTokenEXAMPLE//////////wEaCXVzLWVhc3QtMQ==",
});

/** A long-term style Bedrock API key (`ABSK` prefix + base64 of "EmulatorExampleKey"). */
export const EMULATOR_API_KEY = "ABSKRW11bGF0b3JFeGFtcGxlS2V5";

/** Region the emulator serves unless `region` is given. */
export const EMULATOR_REGION = "us-east-1";

/** Bedrock rejects bearer keys without one of these prefixes before looking them up. */
export const API_KEY_PREFIXES = ["ABSK", "bedrock-api-key-"] as const;
