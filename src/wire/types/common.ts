// Value types shared by every Converse shape: blobs, documents, S3 locations.

/**
 * A blob in a request: raw bytes, or a string already holding standard base64.
 * Responses always give `Uint8Array`, as the AWS SDK does.
 */
export type BlobInput = Uint8Array | string;

/**
 * A Smithy document (free-form JSON: tool input, JSON schemas, `additionalModelRequestFields`).
 * Looser than the SDK's `__DocumentType` on purpose, so interfaces and class instances that
 * serialize to JSON can be passed without casts.
 */
export type DocumentType = null | boolean | number | string | readonly DocumentType[] | object;

/** An object in Amazon S3 that Bedrock reads instead of inline bytes. */
export interface S3Location {
  uri: string | undefined;
  /** Account ID of the bucket owner, when it is not the caller. */
  bucketOwner?: string | undefined;
}

/** Why Bedrock could not process a media block (seen in responses). */
export interface ErrorBlock {
  message?: string | undefined;
}
