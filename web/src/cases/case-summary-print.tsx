/** Placeholder: a case's one-page summary for the file (issue 15, being built). */
export default function CaseSummaryPrint() {
  return <p>a case's one-page summary for the file</p>;
}
