// The runtime scenario suite in workerd.
import { defineRuntimeSuite } from "./define-runtime-suite.js";

await defineRuntimeSuite("workerd");
