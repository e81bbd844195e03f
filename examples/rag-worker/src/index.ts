// The RAG Worker: POST /ingest embeds documents into Vectorize; POST /ask retrieves, reranks and streams a cited answer as Server-Sent Events.
import { toSSEResponse } from "bedrock-edge";
import { withCitations } from "./citations.js";
import { bedrock, configurationProblem, type Env } from "./env.js";
import { safeError } from "./errors.js";
import { hasAccess, readJson, refuse } from "./http.js";
import { ingest } from "./ingest.js";
import { LIMITS, parseAsk, parseIngest } from "./input.js";
import { askMessages } from "./prompt.js";
import { retrieve } from "./retrieve.js";

const ROUTES = new Set(["/ingest", "/ask"]);

async function handleIngest(request: Request, env: Env): Promise<Response> {
  const body = await readJson(request, LIMITS.maxIngestBytes);
  if (!body.ok) return body.response;
  const documents = parseIngest(body.value);
  if (!Array.isArray(documents)) return refuse(documents.status, documents.message);
  try {
    const { embeddings } = bedrock(env);
    const result = await ingest(documents, env.VECTORIZE, embeddings, Number(env.EMBEDDING_DIMENSIONS));
    // Vectorize applies mutations asynchronously: new passages are searchable a few seconds later.
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return safeError(error, "ingest");
  }
}

async function handleAsk(request: Request, env: Env): Promise<Response> {
  const body = await readJson(request, LIMITS.maxAskBytes);
  if (!body.ok) return body.response;
  const input = parseAsk(body.value);
  if ("status" in input) return refuse(input.status, input.message);
  let pieces;
  let passages;
  try {
    pieces = bedrock(env);
    passages = await retrieve(input.question, input.topK, { index: env.VECTORIZE, ...pieces });
  } catch (error) {
    return safeError(error, "retrieval");
  }
  if (passages.length === 0) return refuse(404, "No ingested passage matches: POST /ingest documents first");
  // Closing the page cancels the response; the abort then stops the Bedrock call too.
  const abort = new AbortController();
  const { chat } = pieces;
  const reply = (async () => chat.stream(askMessages(input.question, passages), { signal: abort.signal }))();
  const response = await toSSEResponse(reply, {
    headers: { "x-content-type-options": "nosniff" },
    onCancel: () => abort.abort(),
    // The original error stays in the Worker's logs; the caller gets the library's safe shape.
    onError: (error) => console.error("answer failed:", String(error)),
  });
  return withCitations(response, passages);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (!ROUTES.has(pathname)) return refuse(404, "Not found: POST /ingest or POST /ask");
    if (request.method !== "POST") return refuse(405, "Use POST", { allow: "POST" });
    const problem = configurationProblem(env);
    if (problem) return refuse(503, problem);
    if (!(await hasAccess(request, env))) return refuse(401, "Send Authorization: Bearer <RAG_ACCESS_TOKEN>", { "www-authenticate": 'Bearer realm="rag"' });
    return pathname === "/ingest" ? handleIngest(request, env) : handleAsk(request, env);
  },
};

export type { Env };
