/** Placeholder: an employer's record (issue 15, being built). */
export default function EmployerRecordPage() {
  return <p>an employer's record</p>;
}
