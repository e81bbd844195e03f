// Deno wrapper: `deno run main.mjs <emulator-url>`. `bedrock-edge` comes from dist/ through
// an import map, and dist's own imports from node_modules, so Deno loads the built ESM.
import { RESULT_MARKER, runSuite } from "../suite-entry.mjs";

const output = await runSuite(Deno.args[0], `deno ${Deno.version.deno}`);
console.log(RESULT_MARKER + JSON.stringify(output));
