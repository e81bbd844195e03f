import { describe, expect, it } from "vitest";
import { createBedrockEmulator } from "../../../src/testing/index.js";
import { ENDPOINT, MODEL, modelPath, signedRequest, UUID } from "../helpers.js";

const preflight = () =>
  new Request(ENDPOINT + modelPath(MODEL, "converse-stream"), {
    method: "OPTIONS",
    headers: {
      origin: "http://localhost:5173",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-amz-date,x-amz-security-token",
    },
  });

describe("CORS", () => {
  it("answers a preflight without credentials, echoing the requested headers", async () => {
    const em = createBedrockEmulator();
    const response = await em.fetch(preflight());
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("authorization,content-type,x-amz-date,x-amz-security-token");
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(em.requests[0]).toMatchObject({ method: "OPTIONS", status: 200, auth: { kind: "none" } });
  });

  it("exposes the request id and error headers on answers and errors", async () => {
    const em = createBedrockEmulator();
    const ok = await em.fetch(await signedRequest({ headers: { origin: "http://localhost:5173" } }));
    const refused = await em.fetch(new Request(ENDPOINT + modelPath(MODEL), { method: "POST", body: "{}" }));
    for (const response of [ok, refused]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const exposed = response.headers.get("access-control-expose-headers")!.toLowerCase();
      for (const name of ["x-amzn-requestid", "x-amzn-errortype", "retry-after"]) expect(exposed).toContain(name);
    }
  });

  it("can be turned off: no CORS headers, and OPTIONS needs authentication like anything else", async () => {
    const em = createBedrockEmulator({ cors: false });
    const response = await em.fetch(preflight());
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
