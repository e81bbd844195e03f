// Private helpers shared across layers (never exported from a package entry).
export { isRecord, isObject, type Dict } from "./record.js";
export { describeValue, textOf } from "./describe.js";
