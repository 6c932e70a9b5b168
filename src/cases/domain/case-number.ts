/** `SY-2027-00042`: organisation code, intake year, five-digit number within that organisation and year. */
export function formatCaseNumber(organisationCode: string, year: number, sequence: number): string {
  return `${organisationCode}-${year}-${String(sequence).padStart(5, '0')}`;
}

/**
 * The same number written by PostgreSQL, for the statement that takes the organisation's next number
 * and opens the case with it at once (intake: the counter's row stays locked until the commit, so the
 * fewer round trips after taking it, the sooner the next opening in the organisation goes on). Its
 * arguments are SQL expressions; like padStart, a number longer than five digits is not cut.
 */
export function caseNumberSql(organisationCode: string, year: string, sequence: string): string {
  return `${organisationCode} || '-' || ${year} || '-' || lpad(${sequence}::text, greatest(5, length(${sequence}::text)), '0')`;
}
