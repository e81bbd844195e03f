// What LangGraph's context helpers do with and without AsyncLocalStorage (a Worker has one only if set up, and only with nodejs_compat).
import { AIMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { Annotation, Command, END, MemorySaver, START, StateGraph, getConfig, getCurrentTaskInput, interrupt } from "@langchain/langgraph";
import { ToolNode, createReactAgent } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import { agentModel } from "./agent-scenario.js";

/** Each probe's outcome: `ok:<JSON>` or `error:<message>`. */
export type ContextReport = Record<string, string>;

async function attempt(fn: () => unknown): Promise<string> {
  try {
    return `ok:${JSON.stringify(await fn()) ?? "undefined"}`;
  } catch (error) {
    return `error:${(error as Error).message.split("\n")[0]}`;
  }
}

/** Reads config and task input implicitly and explicitly, interrupts, and pauses an agent at a static breakpoint. */
export async function probeContext(baseUrl: string): Promise<ContextReport> {
  const out: ContextReport = {};
  const State = Annotation.Root({ value: Annotation<string> });
  const graph = new StateGraph(State)
    .addNode("read", async (_state, config) => {
      out.getConfig = await attempt(() => getConfig()?.configurable?.thread_id);
      out.configArgument = await attempt(() => config.configurable?.thread_id);
      out.getCurrentTaskInput = await attempt(() => getCurrentTaskInput());
      out.getCurrentTaskInputWithConfig = await attempt(() => getCurrentTaskInput(config));
      return {};
    })
    .addNode("ask", async () => ({ value: String(interrupt("Proceed?")) }))
    .addEdge(START, "read")
    .addEdge("read", "ask")
    .addEdge("ask", END)
    .compile({ checkpointer: new MemorySaver() });
  const thread = { configurable: { thread_id: "t1" } };
  out.interrupt = await attempt(async () => {
    const paused = (await graph.invoke({ value: "start" }, thread)) as { __interrupt__?: Array<{ value: unknown }> };
    const resumed = await graph.invoke(new Command({ resume: "yes" }), thread);
    return { asked: paused.__interrupt__?.map((i) => i.value), answer: resumed.value };
  });

  const count = tool(async (_args, runtime) => String((runtime as { state?: { messages?: unknown[] } }).state?.messages?.length), {
    name: "count_messages",
    description: "Counts the messages of the conversation",
    schema: z.object({}),
  });
  out.toolRuntimeState = await attempt(async () => {
    const call = new AIMessage({ content: "", tool_calls: [{ name: "count_messages", args: {}, id: "call_1" }] });
    const result = (await new ToolNode([count]).invoke({ messages: [call] })) as { messages: Array<{ content: unknown }> };
    return result.messages[0]!.content;
  });

  // Human-in-the-loop without interrupt(): the agent stops before its tools run, then goes on.
  const agent = createReactAgent({ llm: agentModel(baseUrl), tools: [count], checkpointer: new MemorySaver(), interruptBefore: ["tools"] });
  const agentThread = { configurable: { thread_id: "a1" } };
  out.breakpoint = await attempt(async () => {
    const paused = await agent.invoke({ messages: [{ role: "user", content: "count messages" }] }, agentThread);
    const next = (await agent.getState(agentThread)).next;
    const done = await agent.invoke(null, agentThread);
    return { pausedAt: next, messagesWhenPaused: paused.messages.length, answer: done.messages[done.messages.length - 1]!.content };
  });
  return out;
}
