// Types of size.mjs's bundle(), which the size-budget test (test/size/) uses so both measure alike.
export function bundle(
  code: string,
  options?: { metafile?: boolean; alias?: Record<string, string>; conditions?: string[] },
): Promise<{ minified: number; gzipped: number; inputs?: Array<{ path: string; bytes: number }> }>;
