// Types of workerd-config.mjs.
export declare function bindingEnvName(name: string): string;

export declare function workerdConfig(options: {
  moduleFile: string;
  compatibilityDate: string;
  compatibilityFlags?: string[];
  bindingNames: string[];
  address: string;
}): string;
