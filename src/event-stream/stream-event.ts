// The one-key event type decodeConverseStream yields (kept local until src/wire exports ConverseStreamOutput).

/** One ConverseStream event in the AWS SDK's shape: `{ messageStart: {...} }`, `{ contentBlockDelta: {...} }`, … */
export type ConverseStreamOutput = { [eventType: string]: unknown };
