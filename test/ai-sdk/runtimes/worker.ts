// workerd wrapper: POST {"baseUrl"} and it answers with the scenario's report.
import { runScenario } from "./scenario.js";

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      const { baseUrl } = (await request.json()) as { baseUrl: string };
      return Response.json({ ok: true, engine: navigator.userAgent, report: await runScenario(baseUrl) });
    } catch (error) {
      const e = error as Error;
      return Response.json({ ok: false, error: `${e.name}: ${e.message}`, stack: e.stack }, { status: 500 });
    }
  },
};
