/**
 * Where the reports' summary tables differ from what they summarise: case_facts from its source view,
 * the days each case was paid on, the rollups (months, days and years) with the changes not yet folded into them, each
 * employer's cases ever, and the cases by the pieces of their workers' names (not a report's, but kept the same way).
 * Empty when they agree. Every e2e suite checks this when it closes; the fault suites after a crash.
 */
export async function summaryDrift(query: (sql: string) => Promise<object[]>): Promise<string[]> {
  const drifted = (await query(FACTS_DRIFT_SQL)) as { case_id: string }[];
  const driftedRollups = await query(ROLLUPS_DRIFT_SQL);
  const driftedPayDays = await query(PAY_DAYS_DRIFT_SQL);
  const driftedNamePieces = await query(NAME_PIECES_DRIFT_SQL);
  const driftedEmployerCounts = await query(EMPLOYER_COUNTS_DRIFT_SQL);
  return [
    ...(drifted.length ? [`case_facts differ from case_facts_source for cases ${drifted.map((row) => row.case_id).join(', ')}`] : []),
    ...(driftedRollups.length ? [`report_rollups (with their changes) differ from report_rollups_source: ${JSON.stringify(driftedRollups.slice(0, 5))}`] : []),
    ...(driftedPayDays.length ? [`case_pay_days differ from case_pay_days_source: ${JSON.stringify(driftedPayDays.slice(0, 5))}`] : []),
    ...(driftedNamePieces.length ? [`case_name_pieces differ from case_name_pieces_source: ${JSON.stringify(driftedNamePieces.slice(0, 5))}`] : []),
    ...(driftedEmployerCounts.length
      ? [`employer_case_counts differ from employer_case_counts_source: ${JSON.stringify(driftedEmployerCounts.slice(0, 5))}`]
      : []),
  ];
}

const FACTS_DRIFT_SQL = `
  SELECT case_id FROM (SELECT * FROM case_facts EXCEPT SELECT * FROM case_facts_source) stale
  UNION
  SELECT case_id FROM (SELECT * FROM case_facts_source EXCEPT SELECT * FROM case_facts) missing`;

const ROLLUP_SUMS = ['opened', 'concluded', 'closed', 'workers', 'claimed_fen', 'confirmed_fen', 'owed_fen', 'paid_fen', 'unpaid_fen',
  'paid_in_full', 'concluded_in_month', 'consultations', 'outreach_visits',
  // by kind of claim, and the money paid in the month (migrations/1765800000000-AddPaidInPeriod.ts)
  'owed_wages_fen', 'owed_labour_fees_fen', 'paid_wages_fen', 'paid_labour_fees_fen', 'unpaid_wages_fen', 'unpaid_labour_fees_fen',
  'paid_in_month_fen', 'paid_in_month_wages_fen', 'paid_in_month_labour_fees_fen'];
// report_rollups and the changes not yet folded into them, added up per bucket (a bucket that nets to zero is no bucket;
// a sum of zero is written NULL since migrations/1765800000000-AddPaidInPeriod.ts)
const addedUp = (rows: string) => `
  SELECT organisation_id, subtree, dimension, month, key, days, ${ROLLUP_SUMS.map((column) => `NULLIF(SUM(${column}), 0)`).join(', ')}
    FROM (${rows}) r
   GROUP BY organisation_id, subtree, dimension, month, key, days
  HAVING ${ROLLUP_SUMS.map((column) => `SUM(${column}) <> 0`).join(' OR ')}`;
const ROLLUPS_ADDED_UP = addedUp(`SELECT * FROM report_rollups WHERE dimension NOT LIKE '%\\_year' UNION ALL SELECT * FROM report_rollup_changes`);
// the year rows (migrations/1767300000000-AddYearRollups.ts) with the changes of their months not folded yet, and
// the source's months by the year: the changes and the source have no year rows of their own
const asYears = (rows: string) => `
  SELECT organisation_id, subtree, dimension || '_year' AS dimension, date_trunc('year', month::timestamp)::date AS month, key, days,
         ${ROLLUP_SUMS.join(', ')}
    FROM (${rows}) m
   WHERE dimension NOT LIKE '%\\_day' AND dimension NOT LIKE '%\\_year'`;
const YEARS_ADDED_UP = addedUp(`SELECT * FROM report_rollups WHERE dimension LIKE '%\\_year' UNION ALL ${asYears('SELECT * FROM report_rollup_changes')}`);
const SOURCE_YEARS = addedUp(asYears('SELECT * FROM report_rollups_source'));
// the days each case was paid on, as the reports read them (migrations/1765800000000-AddPaidInPeriod.ts)
const PAY_DAYS_DRIFT_SQL = `
  (SELECT * FROM case_pay_days EXCEPT ALL SELECT * FROM case_pay_days_source)
  UNION ALL
  (SELECT * FROM case_pay_days_source EXCEPT ALL SELECT * FROM case_pay_days)`;
// the cases by the pieces of their workers' names, as the case list's search reads them (migrations/1767200000000-AddCaseNamePieces.ts)
const NAME_PIECES_DRIFT_SQL = `
  (SELECT * FROM case_name_pieces EXCEPT SELECT * FROM case_name_pieces_source)
  UNION ALL
  (SELECT * FROM case_name_pieces_source EXCEPT SELECT * FROM case_name_pieces)`;
// each employer's cases ever, from which a page of the breakdown by employer takes its candidates
// (migrations/1767800000000-AddEmployerCaseCounts.ts)
const EMPLOYER_COUNTS_DRIFT_SQL = `
  (SELECT * FROM employer_case_counts EXCEPT SELECT * FROM employer_case_counts_source)
  UNION ALL
  (SELECT * FROM employer_case_counts_source EXCEPT SELECT * FROM employer_case_counts)`;
const ROLLUPS_DRIFT_SQL = `
  (${ROLLUPS_ADDED_UP} EXCEPT SELECT * FROM report_rollups_source)
  UNION ALL
  (SELECT * FROM report_rollups_source EXCEPT ${ROLLUPS_ADDED_UP})
  UNION ALL
  (${YEARS_ADDED_UP} EXCEPT ${SOURCE_YEARS})
  UNION ALL
  (${SOURCE_YEARS} EXCEPT ${YEARS_ADDED_UP})`;
