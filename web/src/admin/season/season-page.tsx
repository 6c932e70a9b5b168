/** Placeholder: the season and its targets (issue 15, being built). */
export default function SeasonPage() {
  return <p>the season and its targets</p>;
}
