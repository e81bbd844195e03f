// The runtime scenario suite in node.
import { defineRuntimeSuite } from "./define-runtime-suite.js";

await defineRuntimeSuite("node");
