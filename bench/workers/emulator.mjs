// The emulator on loopback in its own process, answering every ConverseStream call with the same scripted reply.
import { startEmulator } from "../../dist/testing/node.js";
import { encodeFrames, replyEvents } from "../lib/stream-body.mjs";

const events = Number(process.argv[2] ?? 2000);
// Frames encoded once here (with Bedrock's padding), so each request costs the emulator only
// its checks and the writes, not re-encoding the reply.
const stream = encodeFrames(replyEvents(events)).map((bytes) => ({ bytes }));
const running = await startEmulator({ chunking: "per-frame" });
running.emulator.script({ stream }, { times: Infinity });
process.send({ url: running.url });
process.on("disconnect", () => running.close().then(() => process.exit(0)));
