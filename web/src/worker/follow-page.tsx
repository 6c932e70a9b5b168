/** Placeholder: the worker's lookup page (issue 19). */
export default function FollowPage() {
  return null;
}
