/** One field of an audited record: its value before and after the change, and whether it changed. */
export interface DiffRow {
  field: string;
  /** undefined: the field was not there (a record created, or deleted) */
  before: unknown;
  after: unknown;
  changed: boolean;
}

type RecordDocument = Record<string, unknown> | null;

/**
 * The record before and after a change as rows of a side-by-side table, one per field: the fields of
 * the record before in their order, then those only after it. A created record has every field
 * changed (from nothing), a deleted one too (to nothing). Values are compared by content, so an
 * equal list or object written anew is not a change.
 */
export function auditDiff(before: RecordDocument, after: RecordDocument): DiffRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const old = before?.[field];
    const now = after?.[field];
    return { field, before: old, after: now, changed: !sameContent(old, now) };
  });
}

function sameContent(one: unknown, other: unknown): boolean {
  return one === other || (one !== undefined && other !== undefined && canonical(one) === canonical(other));
}

/** JSON with the keys of every object in order: {b, a} and {a, b} say the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * A value as the table shows it: text as it is, a list of words joined, anything else as JSON.
 * `absent` for a field the record did not have, `empty` for null (the database's "nothing").
 */
export function displayValue(value: unknown, words: { absent: string; empty: string }): string {
  if (value === undefined) return words.absent;
  if (value === null) return words.empty;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
