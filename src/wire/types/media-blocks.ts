// Image, document, video, audio and guardrail content blocks: the kinds that carry bytes.
import type { CitationsConfig } from "./citations.js";
import type { BlobInput, ErrorBlock, S3Location } from "./common.js";
import type {
  AudioFormat,
  DocumentFormat,
  GuardrailConverseContentQualifier,
  GuardrailConverseImageFormat,
  ImageFormat,
  VideoFormat,
} from "./enums.js";
import type { TaggedUnion } from "./union.js";

// `B` is the blob type: `BlobInput` (bytes or base64) in requests, `Uint8Array` in responses.

/** Inline bytes or an S3 object. */
export type ImageSource<B extends BlobInput = BlobInput> = TaggedUnion<{ bytes: B; s3Location: S3Location }>;

export interface ImageBlock<B extends BlobInput = BlobInput> {
  format: ImageFormat | undefined;
  source: ImageSource<B> | undefined;
  error?: ErrorBlock | undefined;
}

/** A text chunk of a document given as structured content. */
export type DocumentContentBlock = TaggedUnion<{ text: string }>;

/** Inline bytes, an S3 object, plain text, or structured content. */
export type DocumentSource<B extends BlobInput = BlobInput> = TaggedUnion<{
  bytes: B;
  s3Location: S3Location;
  text: string;
  content: DocumentContentBlock[];
}>;

export interface DocumentBlock<B extends BlobInput = BlobInput> {
  format?: DocumentFormat | undefined;
  /** A neutral name (Bedrock allows letters, digits, single spaces, hyphens, parentheses, brackets). */
  name: string | undefined;
  source: DocumentSource<B> | undefined;
  context?: string | undefined;
  citations?: CitationsConfig | undefined;
}

export type VideoSource<B extends BlobInput = BlobInput> = TaggedUnion<{ bytes: B; s3Location: S3Location }>;

export interface VideoBlock<B extends BlobInput = BlobInput> {
  format: VideoFormat | undefined;
  source: VideoSource<B> | undefined;
}

export type AudioSource<B extends BlobInput = BlobInput> = TaggedUnion<{ bytes: B; s3Location: S3Location }>;

export interface AudioBlock<B extends BlobInput = BlobInput> {
  format: AudioFormat | undefined;
  source: AudioSource<B> | undefined;
  error?: ErrorBlock | undefined;
}

export type GuardrailConverseImageSource<B extends BlobInput = BlobInput> = TaggedUnion<{ bytes: B }>;

export interface GuardrailConverseImageBlock<B extends BlobInput = BlobInput> {
  format: GuardrailConverseImageFormat | undefined;
  source: GuardrailConverseImageSource<B> | undefined;
}

export interface GuardrailConverseTextBlock {
  text: string | undefined;
  qualifiers?: GuardrailConverseContentQualifier[] | undefined;
}

/** Content a guardrail evaluates (the `guardContent` block kind). */
export type GuardrailConverseContentBlock<B extends BlobInput = BlobInput> = TaggedUnion<{
  text: GuardrailConverseTextBlock;
  image: GuardrailConverseImageBlock<B>;
}>;
