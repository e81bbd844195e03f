// Reads the AWS SigV4 test suites in ../shared/conformance/sigv4 (see its README for the rules).
import { conformanceUrl } from "../conformance.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { SignableRequest } from "../../src/auth/signable-request.js";

export const SIGV4_ROOT = conformanceUrl("sigv4/");

/** Values every case assumes (README "Values every case assumes"). */
export const SUITE = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
  service: "service",
  date: new Date("2015-08-30T12:36:00Z"),
};

export interface ParsedRequest {
  method: string;
  /** The raw request-target, which may hold a literal space or UTF-8. */
  target: string;
  headers: Array<[name: string, value: string]>;
  body: string;
}

/** Parses request.txt / .req as aws-c-auth's harness does: raw target, `Name:value`, folds, body. */
export function parseRequestText(text: string): ParsedRequest {
  const lines = text.split("\n");
  const requestLine = lines[0]!;
  const firstSpace = requestLine.indexOf(" ");
  const method = requestLine.slice(0, firstSpace);
  const target = requestLine.slice(firstSpace + 1, requestLine.lastIndexOf(" HTTP/1.1"));
  const headers: Array<[string, string]> = [];
  let i = 1;
  for (; i < lines.length && lines[i] !== ""; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) && headers.length > 0) {
      // Continuation line (obs-fold). RFC 9112 §5.2: a recipient replaces the fold with SP,
      // which is also how fetch, unable to send a fold, would carry this value.
      const last = headers[headers.length - 1]!;
      last[1] = `${last[1]} ${line.trimStart()}`;
      continue;
    }
    const colon = line.indexOf(":");
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  const body = i < lines.length ? lines.slice(i + 1).join("\n") : "";
  return { method, target, headers, body };
}

/** Case-insensitive header lookup over a parsed request; duplicates joined with "," (RFC 9110 §5.3). */
export function headerRecord(parsed: ParsedRequest, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of parsed.headers) {
    const key = name.toLowerCase();
    if (omit.includes(key)) continue;
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

/** The parsed request as fetch would carry it: URL from Host + target, headers folded as above. */
export function toSignable(parsed: ParsedRequest, omit: string[] = []): SignableRequest {
  const host = headerRecord(parsed).host;
  const request: SignableRequest = {
    method: parsed.method,
    url: `https://${host}${parsed.target}`,
    headers: headerRecord(parsed, ["host", ...omit]),
  };
  if (parsed.body !== "") request.body = parsed.body;
  return request;
}

export interface AwsCAuthContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  region: string;
  service: string;
  timestamp: string;
  normalize: boolean;
  sign_body: boolean;
  expiration_in_seconds: number;
  omit_session_token?: boolean;
}

export interface AwsCAuthCase {
  name: string;
  context: AwsCAuthContext;
  request: ParsedRequest;
  read(file: string): string;
}

export function loadAwsCAuthCases(): AwsCAuthCase[] {
  const dir = new URL("aws-c-auth/v4/", SIGV4_ROOT);
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const caseDir = new URL(`${name}/`, dir);
      const read = (file: string) => readFileSync(new URL(file, caseDir), "utf8");
      return { name, context: JSON.parse(read("context.json")) as AwsCAuthContext, request: parseRequestText(read("request.txt")), read };
    });
}

export interface BotocoreCase {
  name: string;
  request: ParsedRequest;
  creq: string;
  sts: string;
  authz: string;
}

/** Every `<case>/<case>.req` in the botocore copy, including the nested groups. */
export function loadBotocoreCases(): BotocoreCase[] {
  const root = new URL("botocore-aws4_testsuite/", SIGV4_ROOT);
  const cases: BotocoreCase[] = [];
  const visit = (rel: string) => {
    const dir = new URL(rel, root);
    const base = rel.split("/").filter(Boolean).pop()!;
    const req = new URL(`${base}.req`, dir);
    if (rel !== "" && existsSync(req)) {
      const read = (ext: string) => readFileSync(new URL(`${base}.${ext}`, dir), "utf8");
      cases.push({ name: rel.replace(/\/$/, ""), request: parseRequestText(read("req")), creq: read("creq"), sts: read("sts"), authz: read("authz") });
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(`${rel}${entry.name}/`);
    }
  };
  visit("");
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}
