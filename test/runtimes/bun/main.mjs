// Bun wrapper: `bun main.mjs <emulator-url>`. Bun resolves `bedrock-edge` to dist/ itself.
import { RESULT_MARKER, runSuite } from "../suite-entry.mjs";

const output = await runSuite(Bun.argv[2], `bun ${Bun.version}`);
console.log(RESULT_MARKER + JSON.stringify(output));
