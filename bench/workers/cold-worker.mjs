// The workerd side of a cold start: the bundle is imported at load; the first request builds a signed request.
import { firstSignedRequest } from "./bundle.mjs";

export default {
  async fetch() {
    const authorization = await firstSignedRequest({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });
    const ok = authorization?.startsWith("AWS4-HMAC-SHA256");
    return new Response(ok ? "ok" : `no signed request: ${authorization}`, { status: ok ? 200 : 500 });
  },
};
