/** Placeholder: the union's queue of workers' online reports (issue 19). */
export default function OnlineReportsPage() {
  return null;
}
