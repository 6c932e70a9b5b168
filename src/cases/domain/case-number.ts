/** `SY-2027-00042`: organisation code, intake year, five-digit number within that organisation and year. */
export function formatCaseNumber(organisationCode: string, year: number, sequence: number): string {
  return `${organisationCode}-${year}-${String(sequence).padStart(5, '0')}`;
}
