// The runtime scenario suite in bun.
import { defineRuntimeSuite } from "./define-runtime-suite.js";

await defineRuntimeSuite("bun");
