// $fault per class: the AWS SDK's value for the modelled exceptions, "client" for what the caller did locally.
import { describe, expect, it } from "vitest";
import * as errors from "../../src/errors/index.js";
import { OutputParserException } from "../../src/chat/index.js";

// From @aws-sdk/client-bedrock-runtime's generated exception classes: only these two are "server".
const SDK_SERVER = new Set(["InternalServerException", "ServiceUnavailableException"]);

const modelled = [
  "ValidationException",
  "AccessDeniedException",
  "ResourceNotFoundException",
  "ModelTimeoutException",
  "ConflictException",
  "ModelErrorException",
  "ModelNotReadyException",
  "ThrottlingException",
  "ServiceQuotaExceededException",
  "InternalServerException",
  "ServiceUnavailableException",
  "ModelStreamErrorException",
] as const;

const local: Array<[keyof typeof errors, "client" | "server"]> = [
  ["UnrecognizedClientException", "client"],
  ["BedrockInputError", "client"],
  ["AbortError", "client"],
  ["StreamDecodeError", "client"],
  ["CredentialsProviderError", "client"],
  ["TimeoutError", "server"],
  ["NetworkError", "server"],
];

describe("$fault", () => {
  it.each(modelled)("%s matches the AWS SDK's class", async (name) => {
    const sdk = (await import("@aws-sdk/client-bedrock-runtime")) as unknown as Record<string, new (o: object) => { $fault: string }>;
    const theirs = new sdk[name]!({ message: "m", $metadata: {} }).$fault;
    const Ctor = errors[name] as unknown as errors.ExceptionClass;
    expect(new Ctor("m").$fault).toBe(theirs);
    expect(theirs).toBe(SDK_SERVER.has(name) ? "server" : "client");
  });

  it.each(local)("%s is %s, whatever status it is given", (name, fault) => {
    const Ctor = errors[name] as unknown as errors.ExceptionClass;
    expect(new Ctor("m").$fault).toBe(fault);
    expect(new Ctor("m", { status: fault === "client" ? 503 : 400 }).$fault).toBe(fault);
  });

  it("OutputParserException (a reply the caller's schema refuses) is client", () => {
    expect(new OutputParserException("m").$fault).toBe("client");
  });

  it("an unmodelled error takes its fault from the status", () => {
    expect(new errors.BedrockError("m", { status: 502 }).$fault).toBe("server");
    expect(new errors.BedrockError("m", { status: 418 }).$fault).toBe("client");
  });
});
