/** Placeholder: criminal thresholds (issue 15, being built). */
export default function ThresholdsPage() {
  return <p>criminal thresholds</p>;
}
