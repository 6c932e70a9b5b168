/** Placeholder: holiday calendars (issue 15, being built). */
export default function HolidaysPage() {
  return <p>holiday calendars</p>;
}
