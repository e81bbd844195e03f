// Bundle entries for the cold-start section: import a client and build its first signed request.

// Each entry exports firstSignedRequest(credentials): sends a Converse request through a transport
// that records the signed Authorization header and stops there (no network, no response parsing).
const REQUEST = `{ modelId: "us.amazon.nova-micro-v1:0", messages: [{ role: "user", content: [{ text: "I love programming." }] }] }`;

export const COLD_ENTRIES = {
  // The lean path: the bare client and the one operation (as entry (a) of the size section).
  "bedrock-edge": `import { BedrockClient, converse } from "bedrock-edge";
export async function firstSignedRequest(credentials) {
  let authorization;
  const client = new BedrockClient({
    region: "us-east-1", credentials, maxRetries: 0,
    fetch: async (url, init) => { authorization = new Headers(init.headers).get("authorization"); throw new Error("captured"); },
  });
  await converse(client, ${REQUEST}).catch(() => {});
  return authorization;
}`,
  "bedrock-edge BedrockRuntime": `import { BedrockRuntime } from "bedrock-edge";
export async function firstSignedRequest(credentials) {
  let authorization;
  const client = new BedrockRuntime({
    region: "us-east-1", credentials, maxRetries: 0,
    fetch: async (url, init) => { authorization = new Headers(init.headers).get("authorization"); throw new Error("captured"); },
  });
  await client.converse(${REQUEST}).catch(() => {});
  return authorization;
}`,
  "@aws-sdk/client-bedrock-runtime": `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
export async function firstSignedRequest(credentials) {
  let authorization;
  const client = new BedrockRuntimeClient({
    region: "us-east-1", credentials, maxAttempts: 1,
    requestHandler: {
      handle: async (request) => { authorization = request.headers.authorization; throw new Error("captured"); },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  });
  await client.send(new ConverseCommand(${REQUEST})).catch(() => {});
  return authorization;
}`,
  // Node 20 loads undici (its fetch, Headers, Request) on first use; every fetch-based client pays this on its first request.
  "fetch's Headers only": `export async function firstSignedRequest() { new Headers(); return "AWS4-HMAC-SHA256 (no client)"; }`,
  // The same harness with no client at all: what spawning, importing and calling cost by themselves.
  baseline: `export async function firstSignedRequest() { return "AWS4-HMAC-SHA256 (baseline: no client)"; }`,
};
