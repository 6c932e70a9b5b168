/** Placeholder: the worker's report form (issue 19). */
export default function ReportPage() {
  return null;
}
