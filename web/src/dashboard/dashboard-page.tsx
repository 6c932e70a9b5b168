/** Placeholder: the leaders' dashboard (issue 15, being built). */
export default function DashboardPage() {
  return <p>the leaders' dashboard</p>;
}
