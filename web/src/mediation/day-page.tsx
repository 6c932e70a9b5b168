import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { Link } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { OPEN_STATUSES } from './case-actions';
import { addDays, dayOf, shanghaiDate, timeOf } from './dates';
import { Yuan } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { keys } from './queries';
import { SessionTag, StatusTag } from './tags';

const CASES_PAGE = 30;

/** The mediator's day, phone first: today's and tomorrow's sessions, and my open cases with what is still owed. */
export default function DayPage() {
  const m = useMessagesWith({ mediation: mediationMessages });
  const { user } = useSession();
  if (!user) return null;
  return (
    <PhoneScreen title={m.mediation.dayTitle}>
      <Agenda mediatorId={user.id} />
      <DueCallbacks />
      <MyCases mediatorId={user.id} />
    </PhoneScreen>
  );
}

function Agenda({ mediatorId }: { mediatorId: string }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.day;
  const today = shanghaiDate(new Date());
  const tomorrow = addDays(today, 1);
  const agenda = useQuery({
    queryKey: keys.agenda(mediatorId, today, tomorrow),
    queryFn: () => unwrap(api.GET('/mediation-sessions', { params: { query: { mediatorId, from: today, to: tomorrow } } })),
  });
  return (
    <>
      {[
        { day: today, title: t.today(today), id: 'today' },
        { day: tomorrow, title: t.tomorrow(tomorrow), id: 'tomorrow' },
      ].map(({ day, title, id }) => {
        const sessions = (agenda.data ?? []).filter((session) => dayOf(session.startsAt) === day);
        return (
          <section key={id} className="m-section" aria-labelledby={`day-${id}`}>
            <h2 id={`day-${id}`}>{title}</h2>
            {agenda.isPending ? (
              <Loading />
            ) : agenda.error ? (
              <LoadFailed error={agenda.error} />
            ) : sessions.length === 0 ? (
              <p className="m-empty">{t.noSessions}</p>
            ) : (
              <ul className="m-list">
                {sessions.map((session) => (
                  <SessionItem key={session.id} session={session} held={day <= today} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

/** `held`: the session's day has come, so its outcome can be recorded (not before: the server refuses it). */
function SessionItem({ session, held }: { session: Schemas['SessionView']; held: boolean }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation;
  return (
    <li>
      <Link className="m-card-link" to={`/day/cases/${session.caseId}`}>
        <div className="m-row">
          <span className="m-row-main">
            {timeOf(session.startsAt)}–{timeOf(session.endsAt)}
          </span>
          <SessionTag session={session} />
        </div>
        <div>
          {session.caseNumber} · {session.room?.name ?? session.place ?? t.day.noPlace}
        </div>
      </Link>
      {session.status === 'scheduled' && held && (
        <Link className="m-link-button" to={`/day/cases/${session.caseId}/sessions/${session.id}/outcome`} aria-label={t.day.outcomeOf(session.caseNumber, timeOf(session.startsAt))}>
          {t.tasks.outcome}
        </Link>
      )}
    </li>
  );
}

/** The callbacks after closing this mediator is to make by today; nothing when none is due. Recorded on the case page. */
function DueCallbacks() {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.day;
  const due = useQuery({ queryKey: ['callbacks-due', 'mine'], queryFn: () => unwrap(api.GET('/callbacks/due', { params: { query: { mine: true } } })) });
  if (!due.data || due.data.length === 0) return null;
  return (
    <section className="m-section" aria-labelledby="due-callbacks">
      <div className="m-section-head">
        <h2 id="due-callbacks">{t.callbacks}</h2>
        <span className="m-muted">{t.caseCount(due.data.length)}</span>
      </div>
      <ul className="m-list">
        {due.data.map((callback) => (
          <li key={callback.id}>
            <Link className="m-card-link" to={`/cases/${callback.caseId}`}>
              <div className="m-row">
                <span className="m-row-main">{callback.caseNumber}</span>
                <span>{t.callbackDue(callback.dueOn)}</span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MyCases({ mediatorId }: { mediatorId: string }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.day;
  const cases = useInfiniteQuery({
    queryKey: keys.myCases(mediatorId),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/cases', { params: { query: { mediatorId, status: OPEN_STATUSES.join(','), sort: 'intakeDate:asc', page: pageParam, pageSize: CASES_PAGE } } })),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.reduce((count, page) => count + page.items.length, 0) < last.total ? last.page + 1 : undefined),
  });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const total = cases.data?.pages[0]?.total ?? 0;
  return (
    <section className="m-section" aria-labelledby="my-cases">
      <div className="m-section-head">
        <h2 id="my-cases">{t.myCases}</h2>
        {cases.data && <span className="m-muted">{t.caseCount(total)}</span>}
      </div>
      {cases.isPending ? (
        <Loading />
      ) : cases.error ? (
        <LoadFailed error={cases.error} />
      ) : items.length === 0 ? (
        <p className="m-empty">{t.noCases}</p>
      ) : (
        <ul className="m-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link className="m-card-link" to={`/day/cases/${item.id}`}>
                <div className="m-row">
                  <span className="m-row-main">{item.caseNumber}</span>
                  <StatusTag status={item.status} />
                </div>
                {item.employerNames && <div className="m-muted">{item.employerNames}</div>}
                <div className="m-row">
                  <span>{t.owed(item.totals.workersOwed, item.totals.workers)}</span>
                  <Yuan yuan={item.totals.outstanding} strong />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {cases.hasNextPage && (
        <Button block fill="outline" color="primary" loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()} style={{ marginTop: 8, minHeight: 48 }}>
          {m.mediation.more}
        </Button>
      )}
    </section>
  );
}
