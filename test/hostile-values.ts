// Values JSON.stringify cannot take, shared by the wire and chat hostile-input tests.

/** An object that contains itself (`value.self === value`). */
export function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}

/** `{ a: { a: … } }`, `levels` objects deep. */
export function nested(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < levels; i++) {
    const next: Record<string, unknown> = {};
    node.a = next;
    node = next;
  }
  return root;
}
