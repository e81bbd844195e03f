// Maps a raw request path to a Bedrock Runtime operation and model ID.
import type { EmulatorOperation } from "../types.js";

export interface Route {
  operation: EmulatorOperation;
  /** Decoded once: `us.amazon.nova-micro-v1%3A0` → `us.amazon.nova-micro-v1:0`. */
  modelId: string;
}

// A raw "/" inside the model ID makes an extra segment and matches nothing, as on AWS.
const PATH = /^\/model\/([^/]+)\/(converse|converse-stream|count-tokens)$/;

export function parseRoute(rawPath: string): Route | undefined {
  const match = PATH.exec(rawPath);
  if (!match) return undefined;
  try {
    return { operation: match[2] as EmulatorOperation, modelId: decodeURIComponent(match[1]!) };
  } catch {
    return undefined; // malformed percent-encoding
  }
}
