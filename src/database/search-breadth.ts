import { AppError } from '../common/errors/app-error';
import type { Tx } from './transactions';

/**
 * A search whose text is in more than this many names (a surname alone, 王, is in half a million of a
 * city's workers; 公司 in nearly every employer's name) is refused with SEARCH_TOO_BROAD rather than run:
 * finding, counting and sorting that many took 8-30 s and held a database connection all the while,
 * and no one reads such a list. A given name alone (some 12,000 cases in a city) still searches.
 */
export const SEARCH_MATCHES_MAX = 20_000;

/**
 * SQL: the CTE `name` of a search's matches (the rows of `rowsSql`), SEARCH_MATCHES_MAX + 1 of them at
 * most: a search too broad costs what that many matches cost, whatever it would have found. A list
 * reads its page from it and counts it in the same statement (`(SELECT count(*) FROM name)`), for
 * assertFewEnoughMatches.
 */
export function searchMatchesCte(name: string, rowsSql: string): string {
  return `${name} AS MATERIALIZED (${rowsSql} LIMIT ${SEARCH_MATCHES_MAX + 1})`;
}

/** Refuses a search (SEARCH_TOO_BROAD, on the field `q`) with more matches than SEARCH_MATCHES_MAX. */
export function assertFewEnoughMatches(matches: number): void {
  if (matches > SEARCH_MATCHES_MAX) throw AppError.invalidField('q', 'SEARCH_TOO_BROAD', { max: SEARCH_MATCHES_MAX.toLocaleString('en') });
}

/** The same, as a statement of its own: for a list that reads its page apart from its count. */
export async function assertSearchNarrowEnough(tx: Tx, rowsSql: string, params: unknown[]): Promise<void> {
  const [{ matches }] = (await tx.query(`WITH ${searchMatchesCte('matches', rowsSql)} SELECT count(*)::int AS matches FROM matches`, params)) as {
    matches: number;
  }[];
  assertFewEnoughMatches(matches);
}
