// Section 4: SigV4 signing cost for a 2 KB Converse request and throughput on a 5 MB body, against crypto.subtle.digest.
import { createRequire } from "node:module";
import v8 from "node:v8";
import vm from "node:vm";
import { AwsV4Signer } from "aws4fetch";
import { HybridSha256, signRequest } from "../dist/auth/index.js";
import { median, roundRobin } from "./lib/stats.mjs";

// The AWS SDK signs in Node with SignatureV4 and a node:crypto Sha256, both taken from its own dependencies.
const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-bedrock-runtime"));
const { Sha256: SdkSha256 } = sdkRequire("@smithy/core/checksum");
const { SignatureV4 } = createRequire(sdkRequire.resolve("@aws-sdk/core"))("@smithy/signature-v4");

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const REGION = "us-east-1";
const URL_ = `https://bedrock-runtime.${REGION}.amazonaws.com/model/${encodeURIComponent("us.amazon.nova-micro-v1:0")}/converse`;
const HEADERS = { "content-type": "application/json", accept: "application/json" };

/** A Converse request body of about 2 KB, as JSON bytes. */
export function converseBody(size = 2048) {
  const text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  const request = {
    system: [{ text: "You are a helpful assistant that translates English to French." }],
    messages: [{ role: "user", content: [{ text: "" }] }],
    inferenceConfig: { maxTokens: 512, temperature: 0.5 },
  };
  const base = JSON.stringify(request).length;
  request.messages[0].content[0].text = text.repeat(Math.ceil((size - base) / text.length)).slice(0, size - base);
  return new TextEncoder().encode(JSON.stringify(request));
}

/** 5 MB of random bytes, as an image upload would be. */
export function imageBody(size = 5 * 1024 * 1024) {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  return bytes;
}

// A 5 MB signing leaves megabytes of garbage (WebCrypto's copy of the body, aws4fetch's buffers);
// unsettled, the collection lands in whichever contender runs next, which in a fixed order is
// always the same one (it made the row after the floor read 55% instead of about 88%).
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc");
const settle = async () => {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 5));
};

const sdkSigner = new SignatureV4({ credentials: CREDENTIALS, region: REGION, service: "bedrock", sha256: SdkSha256, uriEscapePath: true, applyChecksum: true });
// aws4fetch's AwsClient keeps one signing-key cache for all its requests; so does this.
const aws4fetchCache = new Map();

/** Each contender signs one POST with `body`; the floor only hashes it. */
export const SIGNERS = [
  { name: "floor: crypto.subtle.digest", floor: true, sign: (body) => crypto.subtle.digest("SHA-256", body) },
  // BedrockRuntime's default (short inputs in JavaScript), the target's row.
  { name: "bedrock-edge signRequest + HybridSha256 (BedrockRuntime)", ours: true, sign: (body) => signRequest({ method: "POST", url: URL_, headers: HEADERS, body }, { credentials: CREDENTIALS, region: REGION, sha256: HybridSha256 }) },
  // The bare BedrockClient's default: WebCrypto for every digest and HMAC.
  { name: "bedrock-edge signRequest, WebCrypto only (BedrockClient)", sign: (body) => signRequest({ method: "POST", url: URL_, headers: HEADERS, body }, { credentials: CREDENTIALS, region: REGION }) },
  {
    name: "aws4fetch AwsV4Signer",
    sign: (body) =>
      new AwsV4Signer({ method: "POST", url: URL_, headers: HEADERS, body, ...CREDENTIALS, service: "bedrock", region: REGION, cache: aws4fetchCache }).sign(),
  },
  {
    name: "AWS SDK (SignatureV4 + node:crypto hash)",
    sign: (body) => {
      const url = new URL(URL_);
      return sdkSigner.sign({ method: "POST", protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: {}, headers: { ...HEADERS, host: url.host }, body });
    },
  },
];

/**
 * Per round, each signer signs the 2 KB body `batch` times (the round's value is the mean) and
 * the 5 MB body once. Rounds are interleaved; medians and per-round ratios are reported.
 */
export async function runSigning({ runs = 15, warmup = 3, batch = 200 } = {}) {
  const small = converseBody();
  const large = imageBody();
  const smallTimes = await roundRobin(SIGNERS, runs, async (s) => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await s.sign(small);
    return ((performance.now() - start) / batch) * 1000;
  }, warmup);
  const largeTimes = await roundRobin(SIGNERS, runs, async (s) => {
    await settle();
    const start = performance.now();
    await s.sign(large);
    return performance.now() - start;
  }, warmup);
  const floor = SIGNERS[0];
  const ratio = (times, a, b) => median(times.get(a).map((t, i) => t / times.get(b)[i]));
  return {
    smallBytes: small.byteLength,
    largeBytes: large.byteLength,
    runs,
    batch,
    rows: SIGNERS.map((s) => ({
      name: s.name,
      ours: !!s.ours,
      floor: !!s.floor,
      smallMicros: median(smallTimes.get(s)),
      largeMs: median(largeTimes.get(s)),
      largeMBps: large.byteLength / 1048576 / (median(largeTimes.get(s)) / 1000),
      // Throughput as a share of the floor's (floor time / this time), per round.
      largeVsFloor: s.floor ? 1 : ratio(largeTimes, floor, s),
      smallVsFloor: s.floor ? 1 : ratio(smallTimes, s, floor),
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSigning();
  for (const r of result.rows) {
    console.log(r.name.padEnd(42), r.smallMicros.toFixed(1).padStart(7), "µs", r.largeMs.toFixed(2).padStart(7), "ms", r.largeMBps.toFixed(0).padStart(5), "MB/s", (100 * r.largeVsFloor).toFixed(0) + "% of floor");
  }
}
