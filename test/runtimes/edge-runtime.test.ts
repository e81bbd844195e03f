// The runtime scenario suite in edge-runtime.
import { defineRuntimeSuite } from "./define-runtime-suite.js";

await defineRuntimeSuite("edge-runtime");
