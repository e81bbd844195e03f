// Worker wrapper of the LangChain proof: POST {"baseUrl"} and it answers with the scenarios' and the context probe's results.
import { runScenarios } from "../agent-scenario.js";
import { probeContext } from "../context-probe.js";

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      const { baseUrl } = (await request.json()) as { baseUrl: string };
      return Response.json({ ok: true, result: await runScenarios(baseUrl), context: await probeContext(baseUrl) });
    } catch (error) {
      const e = error as Error;
      return Response.json({ ok: false, error: `${e.name}: ${e.message}`, stack: e.stack }, { status: 500 });
    }
  },
};
