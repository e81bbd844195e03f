// The emulator's request side: routes, CORS, the server clock, script and fault queues, request records and IDs, the AI Gateway front.
export { httpDate, serverTime, type ServerTime } from "./clock.js";
export { corsHeaders, isPreflight, preflightHeaders } from "./cors.js";
export { FAULT_TYPES, FaultQueue, ScriptQueue } from "./queues.js";
export { createGatewayRoute, type GatewayEmulatorOptions } from "./gateway.js";
export { paddingMember, requestId, seededRandom } from "./random.js";
export { newRecord, parseJson } from "./record.js";
export { parseRoute, type Route } from "./route.js";
