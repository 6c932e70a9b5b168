/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything starting with 50. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search for a piece of a name, as SQL needs it: the text typed (trimmed) and its ILIKE pattern. */
export interface NameSearch {
  text: string;
  pattern: string;
}

export function nameSearch(q: string): NameSearch {
  return { text: q.trim(), pattern: likePattern(q) };
}

/**
 * SQL: the name in `column` contains the text searched. `text` and `pattern` are the placeholders of a
 * NameSearch. The name's index of one- and two-character pieces (migrations/1766100000000) finds the
 * few names holding every piece of the text; ILIKE keeps those that hold them in order. The column
 * must be a table's `name` with that index (workers, employers, projects), or the search reads them all.
 */
export function nameContains(column: string, text: string, pattern: string): string {
  return `(search_grams(${column}) @> search_query_grams(${text}) AND ${column} ILIKE ${pattern})`;
}
