// Worker wrapper: POST {"baseUrl"} to it and it answers with the suite's results.
import { runSuite } from "../suite-entry.mjs";

export default {
  /** @param {Request} request */
  async fetch(request) {
    const { baseUrl } = await request.json();
    return Response.json(await runSuite(baseUrl, navigator.userAgent));
  },
};
