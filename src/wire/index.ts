// The Converse wire layer, in three rooms: types/ (the SDK's shapes), serde/ (JSON in and out), validate/ (checks before sending).
export * from "./types/index.js";
export * from "./serde/index.js";
export * from "./validate/index.js";
