// The runtime scenario suite in deno.
import { defineRuntimeSuite } from "./define-runtime-suite.js";

await defineRuntimeSuite("deno");
