/** Placeholder: reminder rules (issue 15, being built). */
export default function ReminderRulesPage() {
  return <p>reminder rules</p>;
}
