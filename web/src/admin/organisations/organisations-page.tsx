/** Placeholder: organisations (issue 15, being built). */
export default function OrganisationsPage() {
  return <p>organisations</p>;
}
