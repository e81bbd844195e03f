// The chat page GET / serves: one HTML document with its style and script inline (allowed by hash in the CSP), no build step.

/** The page's one style sheet and one module script, kept apart so the CSP can list their hashes. */
export const PAGE_STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
  h1 { font-size: 1.3rem; }
  #log { display: grid; gap: .6rem; margin-bottom: 1rem; }
  .turn { padding: .6rem .8rem; border-radius: .5rem; white-space: pre-wrap; }
  .user { background: #e8f0fe; justify-self: end; }
  .assistant { background: #f1f3f4; }
  .usage { font-size: .8rem; color: #5f6368; }
  .error { background: #fce8e6; color: #a50e0e; }
  form { display: grid; gap: .5rem; }
  textarea { font: inherit; padding: .5rem; min-height: 4rem; }
  button { justify-self: start; font: inherit; padding: .4rem 1.2rem; }
  #access input { font: inherit; padding: .3rem; width: 100%; box-sizing: border-box; }
`;

export const PAGE_SCRIPT = /* js */ `
const log = document.getElementById("log");
const form = document.getElementById("chat");
const input = document.getElementById("prompt");
const send = document.getElementById("send");
const access = document.getElementById("access");
const token = document.getElementById("token");
const messages = [];

function add(kind, text) {
  const div = document.createElement("div");
  div.className = "turn " + kind;
  div.textContent = text;
  log.append(div);
  return div;
}

// Reads this Worker's SSE: "event:" and "data:" lines, a blank line after each event.
async function* events(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += read.value;
    for (let end = buffer.indexOf("\\n\\n"); end >= 0; end = buffer.indexOf("\\n\\n")) {
      const lines = buffer.slice(0, end).split("\\n");
      buffer = buffer.slice(end + 2);
      const event = (lines.find((l) => l.startsWith("event: ")) ?? "event: message").slice(7);
      const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\\n");
      if (data) yield { event, data: JSON.parse(data) };
    }
  }
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  messages.push({ role: "user", content: text });
  add("user", text);
  input.value = "";
  send.disabled = true;
  const reply = add("assistant", "");
  try {
    const headers = { "content-type": "application/json" };
    if (token.value) headers.authorization = "Bearer " + token.value;
    const response = await fetch("/chat", { method: "POST", headers, body: JSON.stringify({ messages }) });
    if (!response.ok) {
      // Refusals and failures before the reply started come as JSON { message } with their status.
      const body = await response.json().catch(() => ({}));
      if (response.status === 401) access.hidden = false;
      throw new Error(body.message ?? "HTTP " + response.status);
    }
    for await (const { event, data } of events(response)) {
      if (event === "delta") reply.textContent += data.text;
      else if (event === "usage") add("usage", data.input_tokens + " input tokens, " + data.output_tokens + " output tokens");
      else if (event === "error") throw new Error(data.message);
    }
    if (reply.textContent) messages.push({ role: "assistant", content: reply.textContent });
    else messages.pop();
  } catch (error) {
    messages.pop();
    if (!reply.textContent) reply.remove();
    add("error", String(error.message ?? error));
  } finally {
    send.disabled = false;
    input.focus();
  }
});
`;

/**
 * The page keeps the conversation, POSTs it to /chat and renders the Server-Sent Events as they
 * arrive: `delta` text, then `usage`, then `done`, or `error`. Its SSE reader is ten lines because
 * it reads only this Worker's output; a bundled front end would use `readSSEChunks` from bedrock-edge.
 * A 401 reveals the access token field (kept in the page only, sent as `Authorization: Bearer`).
 */
export const CHAT_PAGE = /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bedrock-edge chat</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>Chat with Amazon Bedrock from a Worker</h1>
<div id="log" aria-live="polite"></div>
<form id="chat">
  <p id="access" hidden><label>Access token (the Worker's CHAT_ACCESS_TOKEN)<br><input id="token" type="password" autocomplete="off"></label></p>
  <label for="prompt">Message</label>
  <textarea id="prompt" name="prompt" required>I love programming.</textarea>
  <button id="send" type="submit">Send</button>
</form>
<script type="module">${PAGE_SCRIPT}</script>
</body>
</html>
`;
