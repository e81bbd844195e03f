// Request room: our messages → the Converse request (input coercion, turns, content, media, reasoning replay, cache points).
export { coerceMessages, type ChatInput, type MessageLike } from "./convert-input.js";
export { convertMessages, convertSystemContent, type ConvertMessagesOptions, type ConvertedMessages } from "./convert-messages.js";
export { toCachePoint, isCachePointLike } from "./convert-cache-point.js";
export {
  placeCachePoints,
  countCachePoints,
  CACHE_POINT_PRIORITY,
  MAX_CACHE_POINTS,
  type CachePointsOptions,
  type CachePointSpot,
  type CacheableRequest,
} from "./cache-points.js";
export type * from "./convert-wire-types.js";
