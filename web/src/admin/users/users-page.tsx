/** Placeholder: users (issue 15, being built). */
export default function UsersPage() {
  return <p>users</p>;
}
