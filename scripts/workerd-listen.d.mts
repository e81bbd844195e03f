import type { ChildProcess } from "node:child_process";
export declare function workerdListenPort(child: ChildProcess, log: () => string): Promise<number>;
