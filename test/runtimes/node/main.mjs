// Node wrapper: `node main.mjs <emulator-url>`. `bedrock-edge` stays an import that Node
// resolves to dist/ by package self-reference, as an app depending on it would.
import { RESULT_MARKER, runSuite } from "../suite-entry.mjs";

const output = await runSuite(process.argv[2], `node ${process.version}`);
console.log(RESULT_MARKER + JSON.stringify(output));
