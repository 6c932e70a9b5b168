import { useMessages } from '../common/i18n/i18n';

/** The mediator's day, phone first: today's and tomorrow's sessions and the cases still owing. */
export default function DayPage() {
  const m = useMessages();
  return <h1>{m.mediation.dayTitle}</h1>;
}
