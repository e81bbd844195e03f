// Worker wrapper of the agent scenarios: POST {"baseUrl"} and it answers with their results.
import { runScenarios } from "../agent-scenario.js";

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      const { baseUrl } = (await request.json()) as { baseUrl: string };
      return Response.json({ ok: true, result: await runScenarios(baseUrl) });
    } catch (error) {
      const e = error as Error;
      return Response.json({ ok: false, error: `${e.name}: ${e.message}`, stack: e.stack }, { status: 500 });
    }
  },
};
