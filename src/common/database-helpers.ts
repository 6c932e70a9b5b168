/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything starting with 50. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
