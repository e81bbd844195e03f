// Types of our-entries.mjs, for the size-budget test.
export interface OurEntry {
  id: string;
  group: string;
  name: string;
  code: string;
}
export function ourEntries(root: string): OurEntry[];
