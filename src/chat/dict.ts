// The plain-object test the chat converters share: one definition instead of one per module keeps bundles small.

/** A non-null object that is not an array (class instances and byte arrays included). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
