// Browser wrapper: the page at ?emulator=<url> runs the suite and leaves the outcome on window.
import { runSuite } from "../suite-entry.mjs";

const baseUrl = new URL(location.href).searchParams.get("emulator");
window.bedrockEdgeRuntimeOutput = runSuite(baseUrl, navigator.userAgent).then((output) => JSON.stringify(output));
