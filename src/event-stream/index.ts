// The event-stream layer: response bytes → frames (FrameSplitter) → typed ConverseStream events or typed errors.
export { decodeConverseStream, type DecodeConverseStreamOptions } from "./converse-stream.js";
export {
  FrameSplitter,
  createFrameSplitterStream,
  type FrameSplitterOptions,
  MAX_FRAME_LENGTH,
  MAX_HEADERS_LENGTH,
} from "./frame-splitter.js";
export { decodeFrame, type DecodedFrame, type MessageHeaders, type MessageHeaderValue } from "./decode-frame.js";
export { frameToEvent, type FrameToEventOptions, type ModelStreamErrorDetails } from "./frame-to-event.js";
export { decodeInvokeStream } from "./invoke-stream.js";
export type { DecodeStreamOptions } from "./body-decoder.js";
