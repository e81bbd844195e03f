// Refuses long-term AWS access keys in browser pages, where every visitor could read them.
import { BedrockInputError } from "../errors/exceptions.js";
import { isBrowserLike } from "../runtime.js";
import type { AwsCredentials, CredentialsProvider } from "./credentials.js";

export interface BrowserGuardOptions {
  /** Allow long-term keys in a browser anyway (a local demo on your own machine, say). Default false. */
  dangerouslyAllowBrowser?: boolean;
  /** Runtime probe, injectable for tests. Defaults to `isBrowserLike` from runtime.ts. */
  isBrowser?: () => boolean;
}

const LONG_TERM_KEY_IN_BROWSER =
  "Long-term AWS access keys (AKIA…) must not be used in a browser page: anyone who loads the page can read them. " +
  "Use temporary credentials instead (fromCognitoIdentityPool), or a short-term API key minted on a server " +
  "(createShortTermApiKey). To accept the risk, pass dangerouslyAllowBrowser: true.";

/** True for an IAM user's access key (`AKIA…`) with no session token: it does not expire by itself. */
export function isLongTermAccessKey(credentials: Pick<AwsCredentials, "accessKeyId" | "sessionToken">): boolean {
  return (
    typeof credentials?.accessKeyId === "string" &&
    credentials.accessKeyId.startsWith("AKIA") &&
    (credentials.sessionToken === undefined || credentials.sessionToken === "")
  );
}

/**
 * Throws a BedrockInputError when long-term keys are used in a browser page without
 * `dangerouslyAllowBrowser`. Temporary credentials (with a session token) pass, as do Bedrock
 * API keys, which never reach this check. The message never shows the key.
 */
export function assertCredentialsAllowed(credentials: AwsCredentials, options: BrowserGuardOptions = {}): void {
  if (options.dangerouslyAllowBrowser === true) return;
  if (!isLongTermAccessKey(credentials)) return;
  if ((options.isBrowser ?? isBrowserLike)()) throw new BedrockInputError(LONG_TERM_KEY_IN_BROWSER);
}

/**
 * Applies the check to static credentials now, and to a provider's result each time it
 * resolves (so on first use and on every refresh).
 *
 * @example
 * const credentials = guardCredentials(options.credentials, { dangerouslyAllowBrowser: options.dangerouslyAllowBrowser });
 */
export function guardCredentials<T extends AwsCredentials | CredentialsProvider>(input: T, options: BrowserGuardOptions = {}): T {
  if (options.dangerouslyAllowBrowser === true) return input;
  if (typeof input !== "function") {
    assertCredentialsAllowed(input as AwsCredentials, options);
    return input;
  }
  const provider = input as CredentialsProvider;
  const guarded: CredentialsProvider = async () => {
    const credentials = await provider();
    // A malformed result is left for validateCredentials to name precisely.
    if (credentials !== null && typeof credentials === "object") assertCredentialsAllowed(credentials, options);
    return credentials;
  };
  return guarded as T;
}
