// Cloudflare AI Gateway in front of the emulator: its Bedrock path, its token check, and its stored-keys signing.
import { signRequest } from "../../auth/sign-request.js";
import { partitionOf } from "../../client/partitions.js";
import { EMULATOR_CREDENTIALS } from "../auth/credentials.js";
import type { EmulatorCredentials } from "../types.js";

export interface GatewayEmulatorOptions {
  /**
   * The gateway's authentication token: requests must carry `cf-aig-authorization: Bearer <token>`
   * or get Cloudflare's 401. Absent: an unauthenticated gateway, which lets everything through.
   */
  token?: string;
  /**
   * The gateway holds AWS keys ("BYOK", stored keys) and signs requests that come without an
   * `Authorization` header. `true` stores EMULATOR_CREDENTIALS. Requests that carry their own
   * `Authorization` (client-side SigV4, a Bedrock API key) are passed on as they are.
   */
  storedKeys?: boolean | EmulatorCredentials;
}

/** Hands a request on to the emulator's Bedrock route, with the path as Bedrock would see it. */
export type ForwardToBedrock = (request: Request, rawPath: string) => Promise<Response>;

export type GatewayRoute = (request: Request, rawPath: string, forward: ForwardToBedrock) => Promise<Response | undefined>;

// https://developers.cloudflare.com/ai-gateway/usage/providers/bedrock/: the gateway URL replaces
// `https://bedrock-runtime.{region}.amazonaws.com` with this prefix and keeps the Bedrock path.
const GATEWAY_PATH = /^\/v1\/([^/]+)\/([^/]+)\/aws-bedrock\/bedrock-runtime\/([a-z0-9-]+)(\/.*)$/;
const TOKEN_HEADER = "cf-aig-authorization";

// Cloudflare's answer to a missing or wrong gateway token (as reported on the Cloudflare community,
// "AI Gateway Authentication Failed (401 Unauthorized)", community.cloudflare.com/t/785119).
const UNAUTHORIZED = { success: false, result: [], messages: [], error: [{ code: 2009, message: "Unauthorized" }] };

/**
 * A route for `/v1/{account}/{gateway}/aws-bedrock/bedrock-runtime/{region}/model/…`: checks the
 * gateway token, drops the gateway's own `cf-aig-*` headers and the gateway's `Host`, signs with
 * the stored keys when asked to, and forwards to Bedrock's own host and path
 * (`https://bedrock-runtime.{region}.amazonaws.com/model/…`), where the emulator verifies the
 * signature as AWS would: one computed for the gateway's host or path does not match.
 */
export function createGatewayRoute(options: GatewayEmulatorOptions, now: () => number): GatewayRoute {
  const stored = options.storedKeys === true ? EMULATOR_CREDENTIALS : options.storedKeys || undefined;
  return async (request, rawPath, forward) => {
    const match = GATEWAY_PATH.exec(rawPath);
    if (!match) return undefined;
    const [, , , region, bedrockPath] = match as unknown as [string, string, string, string, string];
    if (options.token !== undefined && request.headers.get(TOKEN_HEADER) !== `Bearer ${options.token}`) {
      return Response.json(UNAUTHORIZED, { status: 401 });
    }
    const headers = new Headers();
    request.headers.forEach((value, name) => {
      if (name !== "host" && !name.startsWith("cf-aig-")) headers.set(name, value);
    });
    // The query travels on (ListAsyncInvokes' filters); the raw path never holds it.
    const url = `https://bedrock-runtime.${region}.${partitionOf(region).dnsSuffix}${bedrockPath}${new URL(request.url).search}`;
    const body = new Uint8Array(await request.arrayBuffer());
    let sent = headers;
    if (stored && !headers.has("authorization")) {
      sent = await signRequest(
        { method: request.method, url, headers, body },
        { credentials: stored, region, service: "bedrock", now: () => new Date(now()) },
      );
    }
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    return forward(new Request(url, { method: request.method, headers: sent, ...(hasBody ? { body } : {}) }), bedrockPath);
  };
}
