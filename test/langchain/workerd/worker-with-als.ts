// The same Worker with LangGraph's AsyncLocalStorage set up first (the lines docs/langchain.md shows).
import { setUpAsyncLocalStorage } from "./async-local-storage.js";

// Called, not imported for effect: the package's "sideEffects": false lets the bundler drop a bare import.
setUpAsyncLocalStorage();

export { default } from "./worker.js";
