// Plain-object checks shared by every layer: one definition of each meaning.

/** A JSON-like object: the shape every converter and validator reads fields from. */
export type Dict = Record<string, unknown>;

/** A non-null object that is neither an array nor a byte view (`Uint8Array`, `DataView`, …). */
export const isRecord = (value: unknown): value is Dict =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

/** A non-null object that is not an array; class instances and byte views included. */
export const isObject = (value: unknown): value is Dict =>
  typeof value === "object" && value !== null && !Array.isArray(value);
