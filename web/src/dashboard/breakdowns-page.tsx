/** Placeholder: breakdowns (issue 15, being built). */
export default function BreakdownsPage() {
  return <p>breakdowns</p>;
}
