/** Placeholder: the duty roster (issue 15, being built). */
export default function DutyRosterPage() {
  return <p>the duty roster</p>;
}
