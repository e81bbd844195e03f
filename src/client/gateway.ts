// Cloudflare AI Gateway: the gateway URL of a Bedrock request, its token header, and their checks.
import { describeValue } from "../internal/index.js";
import { BedrockInputError } from "../errors/exceptions.js";
import { parseEndpoint } from "./options.js";

export interface GatewayOptions {
  /** Cloudflare account ID. */
  accountId: string;
  /** The gateway's name (ID) in that account. */
  gatewayId: string;
  /**
   * The gateway's authentication token, sent as `cf-aig-authorization: Bearer <token>`. Required
   * when the gateway signs with its stored AWS keys (no credentials or API key here).
   */
  token?: string;
  /** Default `https://gateway.ai.cloudflare.com`. */
  baseUrl?: string | URL;
}

export const DEFAULT_GATEWAY_BASE_URL = "https://gateway.ai.cloudflare.com";
export const GATEWAY_TOKEN_HEADER = "cf-aig-authorization";

// An ID is one path segment: no `/`, `\`, `%`, `?`, `#`, dot segments or control characters.
const ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
// Cloudflare API tokens are URL-safe base64-ish; any visible ASCII fits in the header.
const TOKEN = /^[\x21-\x7e]{1,4096}$/;

function checkId(value: unknown, field: string): void {
  if (typeof value !== "string" || !ID.test(value) || value === "." || value === "..") {
    throw new BedrockInputError(
      `${field} must be a Cloudflare ID (letters, digits, ".", "_", "-"; no "/" or ".."), got ${describeValue(value)}`,
    );
  }
}

/** Throws BedrockInputError naming the first bad field; never shows the token. */
export function validateGateway(gateway: unknown): void {
  if (gateway === null || typeof gateway !== "object") {
    throw new BedrockInputError("gateway must be an object { accountId, gatewayId, token?, baseUrl? }");
  }
  const g = gateway as Record<string, unknown>;
  checkId(g.accountId, "gateway.accountId");
  checkId(g.gatewayId, "gateway.gatewayId");
  if (g.token !== undefined && (typeof g.token !== "string" || !TOKEN.test(g.token))) {
    throw new BedrockInputError("gateway.token must be a non-empty string of visible ASCII characters (no spaces, CR, LF or NUL)");
  }
  if (g.baseUrl !== undefined) {
    try {
      parseEndpoint(g.baseUrl as string | URL);
    } catch (error) {
      throw new BedrockInputError(`gateway.baseUrl: ${(error as Error).message.replace(/^endpoint /, "")}`);
    }
  }
}

/**
 * `{baseUrl}/v1/{accountId}/{gatewayId}/aws-bedrock/bedrock-runtime/{region}`, to which the
 * Bedrock path (`/model/{id}/converse`) is appended
 * (https://developers.cloudflare.com/ai-gateway/usage/providers/bedrock/).
 */
export function gatewayBase(gateway: GatewayOptions, region: string): URL {
  const base = parseEndpoint(gateway.baseUrl ?? DEFAULT_GATEWAY_BASE_URL);
  const prefix = base.pathname.endsWith("/") ? base.pathname.slice(0, -1) : base.pathname;
  return new URL(`${base.origin}${prefix}/v1/${gateway.accountId}/${gateway.gatewayId}/aws-bedrock/bedrock-runtime/${region}`);
}

/** A checked gateway for the bare `BedrockClient`: where requests go, and the token it adds. */
export interface GatewayRoute {
  /** The gateway URL to which a region's Bedrock path is appended. */
  readonly base: (region: string) => URL;
  readonly token: string | undefined;
  /** Added after signing, unsigned: `cf-aig-authorization` (the gateway reads and drops it). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

/**
 * Routes a `BedrockClient` through Cloudflare AI Gateway (its own import, so clients without a
 * gateway carry none of this). `BedrockRuntime` and the chat model take the plain options.
 * @example
 * new BedrockClient({ region, credentials, gateway: aiGateway({ accountId, gatewayId: "my-gateway" }) });
 */
export function aiGateway(options: GatewayOptions): GatewayRoute {
  validateGateway(options);
  const gateway = { ...options };
  const token = gateway.token;
  return { base: (region) => gatewayBase(gateway, region), token, headers: token === undefined ? [] : [[GATEWAY_TOKEN_HEADER, `Bearer ${token}`]] };
}
