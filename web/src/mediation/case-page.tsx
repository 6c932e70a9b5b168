import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { EmployerLink } from '../employers/employer-link';
import { movesOf, nextStepOf, NextStep, Task, tasksOf } from './case-actions';
import { timeOf, dayOf } from './dates';
import { Yuan } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { MoveSheet } from './move-sheet';
import { keys, Standing, useAgreement, useSessions, useSettled, useTheCase } from './queries';
import { InstalmentTag, SessionTag, StatusTag } from './tags';

type Status = Schemas['CaseStatus'];

export const TASK_PATHS: Record<Task, string> = { confirm: 'confirm', schedule: 'schedule', agreement: 'agreement', payDay: 'pay-day' };

/** A case on the phone: where it stands, what is owed to whom, its sessions and agreement, and the next steps. */
export default function MediatorCasePage() {
  const { caseId = '' } = useParams();
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.case;
  const { user } = useSession();
  const navigate = useNavigate();
  const theCase = useTheCase(caseId);
  const sessions = useSessions(caseId);
  const agreement = useAgreement(caseId);
  const [moveTo, setMoveTo] = useState<Status | null>(null);

  if (theCase.isPending) {
    return (
      <PhoneScreen title={t.title} backTo="/day" caseId={caseId}>
        <Loading />
      </PhoneScreen>
    );
  }
  if (theCase.error) {
    return (
      <PhoneScreen title={t.title} backTo="/day" caseId={caseId}>
        <LoadFailed error={theCase.error} />
      </PhoneScreen>
    );
  }
  const data = theCase.data;
  const standing = {
    theCase: data,
    permissions: user?.permissions ?? [],
    hasAgreement: !!agreement.data,
    agreedInSession: (sessions.data ?? []).some((session) => session.outcome === 'agreement'),
  };
  const tasks = agreement.isPending ? [] : tasksOf(standing);
  const moves = movesOf(standing);
  const next = agreement.isPending || sessions.isPending ? null : nextStepOf(standing);
  const go = (task: Task) => void navigate(`/day/cases/${caseId}/${TASK_PATHS[task]}`);

  return (
    <PhoneScreen title={data.caseNumber} backTo="/day" caseId={caseId} footer={next && <NextStepButton step={next} onTask={go} onMove={setMoveTo} />}>
      <Overview theCase={data} />
      {(moves.length > 0 || tasks.length > 0) && (
        <section className="m-section" aria-labelledby="case-work">
          <h2 id="case-work">{t.work}</h2>
          {tasks.length > 0 && (
            <div className="m-tiles">
              {tasks.map((task) => (
                <Link key={task} className="m-tile" to={`/day/cases/${caseId}/${TASK_PATHS[task]}`}>
                  {m.mediation.tasks[task]}
                </Link>
              ))}
            </div>
          )}
          {moves.length > 0 && (
            <>
              <h3 className="m-label" style={{ margin: '14px 0 6px' }} id="case-moves">
                {t.moves}
              </h3>
              <div className="m-buttons" role="group" aria-labelledby="case-moves">
                {moves.map((to) => (
                  <Button key={to} fill="outline" color={to === 'withdrawn' || to === 'rejected' ? 'default' : 'primary'} onClick={() => setMoveTo(to)}>
                    {t.move(m.status[to] ?? to)}
                  </Button>
                ))}
              </div>
            </>
          )}
        </section>
      )}
      <SessionsSection caseId={caseId} sessions={sessions.data} error={sessions.error} />
      <AgreementSection caseId={caseId} agreement={agreement.data} error={agreement.error} />
      <WorkersSection theCase={data} />
      <MoveSheet theCase={data} to={moveTo} onClose={() => setMoveTo(null)} />
    </PhoneScreen>
  );
}

function NextStepButton({ step, onTask, onMove }: { step: NonNullable<NextStep>; onTask(task: Task): void; onMove(to: Status): void }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.case;
  const label = 'task' in step ? m.mediation.tasks[step.task] : t.move(m.status[step.move] ?? step.move);
  return (
    <Button block size="large" color="primary" aria-label={`${t.next}: ${label}`} onClick={() => ('task' in step ? onTask(step.task) : onMove(step.move))}>
      {label}
    </Button>
  );
}

function Overview({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.case;
  const { totals } = theCase;
  return (
    <section className="m-section" aria-labelledby="case-overview">
      <h2 id="case-overview" className="sr-only">
        {t.overview}
      </h2>
      <div className="m-row" style={{ marginBottom: 8 }}>
        <span style={{ display: 'inline-flex', gap: 6, flexWrap: 'wrap' }}>
          <StatusTag status={theCase.status} />
          {theCase.outcome && <Tag color="success" fill="outline">{m.outcome[theCase.outcome] ?? theCase.outcome}</Tag>}
        </span>
        {theCase.festivalCountdown && <span className="m-muted">{m.festival.countdown(theCase.festivalCountdown.daysToEve)}</span>}
      </div>
      <div>
        {theCase.employers.map((employer, index) => (
          <span key={`${employer.id}-${employer.role}`}>
            {index > 0 && '、'}
            <EmployerLink employer={employer} />
          </span>
        ))}
      </div>
      {theCase.project && <div className="m-muted">{theCase.project.name}</div>}
      {theCase.statusReason && (
        <div className="m-muted">
          {t.reason}: {theCase.statusReason}
        </div>
      )}
      <div role="group" aria-label={t.totals} style={{ marginTop: 12 }}>
      <dl className="m-totals">
        <div>
          <dt>{t.workers}</dt>
          <dd>{m.common.people(totals.workers)}</dd>
        </div>
        <div>
          <dt>{t.workersOwed}</dt>
          <dd>{m.common.people(totals.workersOwed)}</dd>
        </div>
        <div>
          <dt>{t.claimed}</dt>
          <dd>
            <Yuan yuan={totals.claimed} />
          </dd>
        </div>
        <div>
          <dt>{t.confirmed}</dt>
          <dd>
            <Yuan yuan={totals.confirmed} />
            {totals.unconfirmed > 0 && <div className="m-hint m-warn">{t.unconfirmed(totals.unconfirmed)}</div>}
          </dd>
        </div>
        <div>
          <dt>{t.paid}</dt>
          <dd>
            <Yuan yuan={totals.paid} />
          </dd>
        </div>
        <div>
          <dt>{t.outstanding}</dt>
          <dd data-testid="outstanding">
            <Yuan yuan={totals.outstanding} strong />
          </dd>
        </div>
      </dl>
      </div>
    </section>
  );
}

function SessionsSection({ caseId, sessions, error }: { caseId: string; sessions?: Schemas['SessionView'][]; error: unknown }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation;
  return (
    <section className="m-section" aria-labelledby="case-sessions">
      <h2 id="case-sessions">{t.case.sessions}</h2>
      {error ? (
        <LoadFailed error={error} />
      ) : !sessions ? (
        <Loading />
      ) : sessions.length === 0 ? (
        <p className="m-empty">{t.case.noSessions}</p>
      ) : (
        <ul className="m-list">
          {sessions.map((session) => (
            <li key={session.id} style={{ padding: '8px 0' }}>
              <div className="m-row">
                <span className="m-row-main">
                  {dayOf(session.startsAt)} {timeOf(session.startsAt)}–{timeOf(session.endsAt)}
                </span>
                <SessionTag session={session} />
              </div>
              <div className="m-muted">
                {session.room?.name ?? session.place ?? t.day.noPlace} · {session.mediator.displayName}
                {session.adjournedTo && ` · ${t.case.adjournedTo(session.adjournedTo)}`}
              </div>
              {session.status === 'scheduled' && (
                <Link className="m-link-button" style={{ paddingInline: 0 }} to={`/day/cases/${caseId}/sessions/${session.id}/outcome`} aria-label={t.day.outcomeOf(session.caseNumber, `${dayOf(session.startsAt)} ${timeOf(session.startsAt)}`)}>
                  {t.tasks.outcome}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AgreementSection({ caseId, agreement, error }: { caseId: string; agreement?: Schemas['AgreementView'] | null; error: unknown }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.case;
  return (
    <section className="m-section" aria-labelledby="case-agreement">
      <h2 id="case-agreement">{t.agreement}</h2>
      {error ? (
        <LoadFailed error={error} />
      ) : agreement === undefined ? (
        <Loading />
      ) : agreement === null ? (
        <p className="m-empty">{t.noAgreement}</p>
      ) : (
        <>
          <div className="m-row">
            <span>
              {t.signedOn} {agreement.signedOn}
            </span>
            <Yuan yuan={agreement.total} strong />
          </div>
          <ol className="m-list" aria-label={t.instalments}>
            {agreement.instalments.map((instalment, index) => (
              <li key={instalment.id} style={{ padding: '8px 0' }}>
                <div className="m-row">
                  <span>
                    {t.instalment(index + 1)} · {t.dueOn(instalment.dueOn)}
                  </span>
                  <InstalmentTag state={instalment.state} />
                </div>
                <div className="m-row m-muted">
                  <span>
                    <Yuan yuan={instalment.amount} />
                  </span>
                  <span>
                    {t.paid} <Yuan yuan={instalment.paid} />
                  </span>
                </div>
              </li>
            ))}
          </ol>
          {/* the printable agreement (调解协议书) is the desk case page's: printing is a desk's job */}
          <Link className="m-link-button" style={{ paddingInline: 0 }} to={`/cases/${caseId}`}>
            {t.printOnDesk}
          </Link>
        </>
      )}
    </section>
  );
}

const STANDINGS: (Standing | 'any')[] = ['owed', 'unconfirmed', 'paid', 'any'];
const WORKERS_PAGE = 50;

/** The case's workers, those still owed first; by standing, or by a search the API runs (names, whole id numbers). */
function WorkersSection({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.case;
  // those still owed first; once nobody is, everyone
  const [standing, setStanding] = useState<Standing | 'any'>(theCase.totals.workersOwed > 0 ? 'owed' : 'any');
  const [text, setText] = useState('');
  const q = useSettled(text.trim());
  const claims = useInfiniteQuery({
    queryKey: [...keys.claimPage(theCase.id, standing, q), theCase.version, theCase.totals.paid],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/cases/{caseId}/claims', {
          params: { path: { caseId: theCase.id }, query: { standing: standing === 'any' ? undefined : standing, q: q || undefined, page: pageParam, pageSize: WORKERS_PAGE } },
        }),
      ),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.reduce((count, page) => count + page.items.length, 0) < last.total ? last.page + 1 : undefined),
  });
  const items = claims.data?.pages.flatMap((page) => page.items) ?? [];
  const total = claims.data?.pages[0]?.total;
  return (
    <section className="m-section" aria-labelledby="case-workers">
      <div className="m-section-head">
        <h2 id="case-workers">{t.workersTitle}</h2>
        {total !== undefined && <span className="m-muted">{m.common.people(total)}</span>}
      </div>
      <div className="m-filter" role="group" aria-label={t.standingLabel}>
        {STANDINGS.map((value) => (
          <Button key={value} size="small" fill={standing === value ? 'solid' : 'outline'} color={standing === value ? 'primary' : 'default'} aria-pressed={standing === value} onClick={() => setStanding(value)}>
            {t.standing[value]}
          </Button>
        ))}
      </div>
      <div className="m-field">
        <label htmlFor="workers-search" className="sr-only">
          {t.search}
        </label>
        <input id="workers-search" className="m-input" type="search" placeholder={t.search} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      {claims.isPending ? (
        <Loading />
      ) : claims.error ? (
        <LoadFailed error={claims.error} />
      ) : items.length === 0 ? (
        <p className="m-empty">{t.noWorkers}</p>
      ) : (
        <ul className="m-list" aria-label={t.workersTitle}>
          {items.map((claim) => (
            <li key={claim.id} style={{ padding: '8px 0' }}>
              <div className="m-row">
                <span className="m-row-main">{claim.worker.name}</span>
                <span>
                  {claim.fullyPaid ? (
                    <Tag color="success">{t.paidInFull}</Tag>
                  ) : (
                    <>
                      {t.owes} <Yuan yuan={claim.amountOutstanding} strong />
                    </>
                  )}
                </span>
              </div>
              <div className="m-id">{claim.worker.idNumber}</div>
              <div className="m-muted">
                {t.claimed} <Yuan yuan={claim.amountClaimed} /> · {t.confirmed} {claim.amountConfirmed ? <Yuan yuan={claim.amountConfirmed} /> : t.notConfirmed} · {t.paid} <Yuan yuan={claim.amountPaid} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {claims.hasNextPage && (
        <Button block fill="outline" color="primary" loading={claims.isFetchingNextPage} onClick={() => void claims.fetchNextPage()} style={{ marginTop: 8, minHeight: 48 }}>
          {m.mediation.more}
        </Button>
      )}
    </section>
  );
}
