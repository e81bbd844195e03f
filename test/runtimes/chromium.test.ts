// The runtime scenario suite in chromium.
import { defineRuntimeSuite } from "./define-runtime-suite.js";

await defineRuntimeSuite("chromium");
