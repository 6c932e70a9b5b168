import { Link } from 'react-router';

/** The path of an employer's record; other pages may link to it by this path too. */
export const employerRecordPath = (creditCode: string) => `/employers/${encodeURIComponent(creditCode)}`;

/**
 * An employer's name that opens its record, wherever the name is shown. An individual contractor
 * (包工头) has no credit code, and the record is found by that code: his name stays plain text.
 */
export function EmployerLink({ employer }: { employer: { name: string; creditCode: string | null } }) {
  if (!employer.creditCode) return <>{employer.name}</>;
  return <Link to={employerRecordPath(employer.creditCode)}>{employer.name}</Link>;
}
