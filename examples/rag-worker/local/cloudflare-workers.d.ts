// The one export of workerd's built-in "cloudflare:workers" module the stand-in uses (the full types are in
// @cloudflare/workers-types, whose globals clash with the DOM lib the rest of the repository checks against).
declare module "cloudflare:workers" {
  export abstract class WorkerEntrypoint<Env = unknown> {
    protected readonly env: Env;
    protected readonly ctx: unknown;
    constructor(ctx: unknown, env: Env);
  }
}
