// Server-Sent Events framing: messages → `event:` / `data:` lines, and text chunks → messages (WHATWG rules).

/** One SSE message as it travels: an event name, its data (may span lines), an optional id and retry. */
export interface SSEMessage {
  /** The `event:` field; readers default it to "message" when absent. */
  event?: string;
  data: string;
  id?: string;
  /** Reconnection time in ms (`retry:`). */
  retry?: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Writes one message. Data is split on every line break (CRLF, CR, LF) into one `data:` line
 * each, so a reader rejoins it with "\n"; the blank line that ends the message is included.
 * @example
 * formatSSE({ event: "delta", data: '{"text":"Hi"}' }); // 'event: delta\ndata: {"text":"Hi"}\n\n'
 */
export function formatSSE(message: SSEMessage): string {
  let out = "";
  if (message.event !== undefined) out += `event: ${singleLine("event", message.event)}\n`;
  if (message.id !== undefined) out += `id: ${singleLine("id", message.id)}\n`;
  if (message.retry !== undefined) {
    if (!Number.isInteger(message.retry) || message.retry < 0) throw new TypeError("SSE retry must be a non-negative integer");
    out += `retry: ${message.retry}\n`;
  }
  for (const line of message.data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** A comment line (`: text`), which readers ignore: handy as a keep-alive. */
export function formatSSEComment(text = ""): string {
  return text.split(LINE_BREAK).map((line) => `: ${line}\n`).join("") + "\n";
}

function singleLine(field: string, value: string): string {
  if (LINE_BREAK.test(value)) throw new TypeError(`SSE ${field} must not contain a line break`);
  return value;
}

const LF = 10;
const CR = 13;

/**
 * Incremental SSE parser following the HTML standard's "event stream interpretation": lines
 * end at CRLF, LF or CR (a CRLF split across two chunks counts once), `:` lines are comments,
 * `data:` lines join with "\n", one leading space after the colon is dropped, a blank line
 * dispatches, and a message without data is not dispatched. Feed it decoded text.
 */
export class SSEParser {
  #line = "";
  #skipLF = false;
  #event: string | undefined;
  #data: string[] = [];
  #id: string | undefined;
  #retry: number | undefined;

  /** Parses a piece of text; returns the messages it completed. */
  push(text: string): SSEMessage[] {
    const out: SSEMessage[] = [];
    let start = 0;
    if (this.#skipLF && text.length > 0) {
      if (text.charCodeAt(0) === LF) start = 1;
      this.#skipLF = false;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.#onLine(this.#line + text.slice(start, i), out);
      this.#line = "";
      if (c === CR) {
        if (i + 1 === text.length) this.#skipLF = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    this.#line += text.slice(start);
    return out;
  }

  /**
   * Ends the input. Per the standard a message not closed by a blank line is dropped;
   * `pending` tells whether one was, so callers can report a cut-off stream.
   */
  end(): { pending: boolean } {
    const pending = this.#line !== "" || this.#data.length > 0 || this.#event !== undefined;
    this.#line = "";
    this.#skipLF = false;
    this.#reset();
    return { pending };
  }

  #onLine(line: string, out: SSEMessage[]): void {
    if (line === "") {
      if (this.#data.length > 0) out.push(this.#message());
      this.#reset();
      return;
    }
    if (line.charCodeAt(0) === 58 /* ":" */) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.#data.push(value);
    else if (field === "event") this.#event = value;
    else if (field === "id" && !value.includes("\0")) this.#id = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.#retry = Number(value);
    // Unknown fields are ignored, as the standard says.
  }

  #message(): SSEMessage {
    const message: SSEMessage = { data: this.#data.join("\n") };
    if (this.#event !== undefined && this.#event !== "") message.event = this.#event;
    if (this.#id !== undefined) message.id = this.#id;
    if (this.#retry !== undefined) message.retry = this.#retry;
    return message;
  }

  #reset(): void {
    this.#event = undefined;
    this.#data = [];
    this.#retry = undefined;
    // The standard keeps the last event id across messages (it is what a reconnect sends).
  }
}
