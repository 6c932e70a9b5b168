/** Placeholder: the audit trail (issue 15, being built). */
export default function AuditPage() {
  return <p>the audit trail</p>;
}
