import { DataSource } from 'typeorm';

/**
 * Rows a refused request writes on purpose, left out of the fingerprint, each with the reason:
 * a refused request must change no stored row, except these.
 */
export const WRITTEN_BY_REFUSED_REQUESTS: Record<string, { where?: string; why: string }> = {
  login_throttles: {
    why: 'a refused login counts the failure per account and per address: that count is what slows down and locks out a guesser',
  },
  public_throttles: {
    why: 'a wrong receipt number or lookup code counts the failure per address and per number typed: that count is what stops a guesser',
  },
  audit_log: {
    where: `action::text NOT IN ('login_failed', 'lookup_failed')`,
    why: 'a refused login, and a failed lookup of a worker’s report, are recorded in the audit trail (what was tried, from where); only those rows are left out',
  },
};

export type Fingerprint = Record<string, string>;

/**
 * One query that answers, per table of the public schema, its row count and the sum of a hash of each
 * row's text: any insert, update or delete changes one or the other (a change that keeps both is a
 * hash collision on the same table at the same time). A few milliseconds on the test's small database.
 */
export async function fingerprintQuery(dataSource: DataSource): Promise<() => Promise<Fingerprint>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables
    .filter(({ name }) => !(name in WRITTEN_BY_REFUSED_REQUESTS) || WRITTEN_BY_REFUSED_REQUESTS[name].where)
    .map(({ name }) => {
      const where = WRITTEN_BY_REFUSED_REQUESTS[name]?.where;
      return `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) AS print FROM "${name}" t${where ? ` WHERE ${where}` : ''}`;
    });
  const sql = parts.join('\nUNION ALL\n');
  return async () => {
    const rows: { name: string; print: string }[] = await dataSource.query(sql);
    return Object.fromEntries(rows.map((row) => [row.name, row.print]));
  };
}

/** The tables whose print differs, as `table: before → after`. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name]} → ${after[name]}`);
}
