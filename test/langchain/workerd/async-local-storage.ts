// Gives LangGraph an AsyncLocalStorage in a Worker, as its Node entry does (dist/node.js); needs nodejs_compat.
// Bundled for Workers (the "browser" condition), @langchain/langgraph loads its web entry, which leaves
// the singleton empty even where node:async_hooks exists, so getConfig() and interrupt() find no graph.
import { AsyncLocalStorage } from "node:async_hooks";
import { AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";

export function setUpAsyncLocalStorage(): void {
  AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new AsyncLocalStorage());
}
