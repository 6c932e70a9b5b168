import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { Money } from '../common/format/money';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessagesWith } from '../common/i18n/i18n';
import { caseSummaryMessages } from './case-summary.messages';
import { sumYuan } from '../common/money';
import { useCase } from './use-case';
import './case-summary-print.css';

/** Workers listed on the sheet: the page is one A4 side; the rest are counted, not listed. */
const WORKERS_ON_SHEET = 15;

/**
 * A case on one A4 page for the paper file: parties and chain, money, status, key dates and legal
 * clocks, sessions, agreement and payouts in brief, the first workers with their id numbers masked.
 * Plain HTML (no antd): it prints as it shows, and the buttons stay off the paper.
 */
export default function CaseSummaryPrint() {
  const { caseId = '' } = useParams();
  const m = useMessagesWith({ caseSummary: caseSummaryMessages });
  const t = m.caseSummary;
  const theCase = useCase(caseId);
  const parts = useSummaryParts(caseId);
  if (theCase.error) {
    const notFound = theCase.error instanceof ApiError && theCase.error.status < 500;
    return <p role="alert" className="summary-problem">{notFound ? theCase.error.message : m.common.loadFailed}</p>;
  }
  const ready = theCase.data && parts.every((part) => part.isSuccess);
  const failed = parts.some((part) => part.isError);
  return (
    <div className="summary-page">
      <div className="summary-toolbar no-print">
        <Link to={`/cases/${caseId}`}>{t.backToCase}</Link>
        <button type="button" onClick={() => window.print()} disabled={!ready}>
          {t.print}
        </button>
      </div>
      {failed && <p role="alert" className="summary-problem no-print">{m.common.loadFailed}</p>}
      {theCase.data ? <Sheet theCase={theCase.data} parts={parts} /> : <p className="summary-problem">{m.common.loading}</p>}
    </div>
  );
}

/** Everything the sheet shows besides the case itself, each read once and shared by the sections. */
function useSummaryParts(caseId: string) {
  return [
    useQuery({ queryKey: ['claims', caseId, 'summary'], queryFn: () => unwrap(api.GET('/cases/{caseId}/claims', { params: { path: { caseId }, query: { pageSize: WORKERS_ON_SHEET } } })) }),
    useQuery({ queryKey: ['payouts', caseId, 'all'], queryFn: () => allPayouts(caseId) }),
    useQuery({ queryKey: ['agreement', caseId], queryFn: () => agreementOrNull(caseId) }),
    useQuery({ queryKey: ['sessions', caseId], queryFn: () => unwrap(api.GET('/cases/{caseId}/sessions', { params: { path: { caseId } } })) }),
    useQuery({ queryKey: ['deadlines', caseId], queryFn: () => unwrap(api.GET('/cases/{caseId}/deadlines', { params: { path: { caseId } } })) }),
    useQuery({ queryKey: ['case-events', caseId], queryFn: () => unwrap(api.GET('/cases/{id}/events', { params: { path: { id: caseId }, query: { pageSize: 200 } } })) }),
  ] as const;
}

async function allPayouts(caseId: string): Promise<Schemas['PayoutView'][]> {
  const items: Schemas['PayoutView'][] = [];
  for (let page = 1; ; page++) {
    const answer = await unwrap(api.GET('/cases/{caseId}/payouts', { params: { path: { caseId }, query: { page, pageSize: 200 } } }));
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

async function agreementOrNull(caseId: string) {
  try {
    return await unwrap(api.GET('/cases/{caseId}/agreement', { params: { path: { caseId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function Sheet({ theCase, parts }: { theCase: Schemas['CaseView']; parts: ReturnType<typeof useSummaryParts> }) {
  const m = useMessagesWith({ caseSummary: caseSummaryMessages });
  const t = m.caseSummary;
  const { user } = useSession();
  const [claims, payouts, agreement, sessions, deadlines, events] = parts;
  return (
    <article className="summary-sheet" aria-labelledby="summary-title">
      <header className="summary-header">
        <h1 id="summary-title">
          {t.title} · {theCase.caseNumber}
        </h1>
        <div>
          {theCase.organisation.name} · {t.printedOn(shanghaiDate(new Date()), user?.displayName ?? '')}
        </div>
      </header>

      <Section title={t.basics}>
        <dl className="summary-facts">
          <Fact label={m.cases.status}>
            {t.statusLine(m.status[theCase.status] ?? theCase.status, theCase.outcome && (m.outcome[theCase.outcome] ?? theCase.outcome), theCase.statusReason)}
          </Fact>
          <Fact label={m.cases.intakeDate}>
            {theCase.intakeDate} · {m.channel[theCase.intakeChannel] ?? theCase.intakeChannel}
          </Fact>
          <Fact label={m.cases.lawyer}>{theCase.lawyer?.displayName ?? m.cases.unassigned}</Fact>
          <Fact label={m.cases.mediator}>{theCase.mediator?.displayName ?? m.cases.unassigned}</Fact>
          {theCase.project && <Fact label={m.cases.project}>{theCase.project.name}</Fact>}
          <Fact label={m.cases.summary} wide>
            <span className="summary-text">{theCase.summary}</span>
          </Fact>
        </dl>
      </Section>

      <Section title={t.chain}>
        {theCase.employers.length === 0 ? (
          <p>{t.noChain}</p>
        ) : (
          <ul className="summary-chain">
            {theCase.employers.map((employer) => (
              <li key={`${employer.id}-${employer.role}`}>
                {t.chainLine(m.chainRole[employer.role] ?? employer.role, employer.name, employer.creditCode)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t.money}>
        <Table
          head={[m.cases.workers, m.cases.claimed, m.cases.confirmed, m.cases.paid, m.cases.outstanding]}
          rows={[[m.common.people(theCase.totals.workers), <Money key="c" yuan={theCase.totals.claimed} />, <Money key="f" yuan={theCase.totals.confirmed} />, <Money key="p" yuan={theCase.totals.paid} />, <Money key="o" yuan={theCase.totals.outstanding} strong />]]}
          numeric={[1, 2, 3, 4]}
        />
      </Section>

      <div className="summary-columns">
        <Section title={t.keyDates}>
          <KeyDates theCase={theCase} events={events.data?.items ?? []} agreement={agreement.data ?? null} />
        </Section>
        <Section title={t.clocks}>
          {(deadlines.data?.deadlines ?? []).length === 0 ? (
            <p>{t.noClocks}</p>
          ) : (
            <ul className="summary-list">
              {deadlines.data!.deadlines.map((deadline) => (
                <li key={`${deadline.clock}-${deadline.subject}`}>
                  {t.clockLine(
                    m.clock[deadline.clock] ?? deadline.clock,
                    deadline.dueOn ?? '—',
                    m.clockState[deadline.state] ?? deadline.state,
                    deadline.daysLeft === null ? null : m.casePage.daysLeft(deadline.daysLeft),
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <div className="summary-columns">
        <Section title={t.sessions}>
          {(sessions.data ?? []).length === 0 ? (
            <p>{t.noSessions}</p>
          ) : (
            <ul className="summary-list">
              {sessions.data!.map((session) => (
                <li key={session.id}>
                  {session.startsAt.slice(0, 16).replace('T', ' ')} {session.room?.name ?? session.place ?? ''} ·{' '}
                  {session.outcome ? m.sessionOutcome[session.outcome] ?? session.outcome : m.sessionStatus[session.status] ?? session.status}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t.agreement}>
          <AgreementBrief agreement={agreement.data ?? null} />
        </Section>
      </div>

      <Section title={t.payouts}>
        <PayoutsBrief payouts={payouts.data ?? []} />
      </Section>

      <Section title={t.workers}>
        <Table
          head={[m.casePage.worker, m.casePage.idNumber, m.cases.claimed, m.cases.confirmed, m.cases.paid, m.cases.outstanding]}
          rows={(claims.data?.items ?? []).map((claim) => [
            claim.worker.name,
            claim.worker.idNumber,
            <Money key="c" yuan={claim.amountClaimed} />,
            claim.amountConfirmed ? <Money key="f" yuan={claim.amountConfirmed} /> : '—',
            <Money key="p" yuan={claim.amountPaid} />,
            <Money key="o" yuan={claim.amountOutstanding} />,
          ])}
          numeric={[2, 3, 4, 5]}
        />
        <p className="summary-muted">
          {t.idMasked}
          {claims.data && claims.data.total > claims.data.items.length && ` · ${t.moreWorkers(claims.data.total - claims.data.items.length)}`}
        </p>
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="summary-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'summary-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Table({ head, rows, numeric }: { head: string[]; rows: ReactNode[][]; numeric: number[] }) {
  const align = (column: number) => (numeric.includes(column) ? 'summary-number' : undefined);
  return (
    <div className="summary-table-box">
      <table className="summary-table">
        <thead>
          <tr>
            {head.map((cell, column) => (
              <th key={cell} scope="col" className={align(column)}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column} className={align(column)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The days the case turned: intake, each change of status, the agreement, the close. */
function KeyDates({ theCase, events, agreement }: { theCase: Schemas['CaseView']; events: Schemas['CaseEventView'][]; agreement: Schemas['AgreementView'] | null }) {
  const m = useMessagesWith({ caseSummary: caseSummaryMessages });
  const t = m.caseSummary;
  const dates: [string, string][] = [[theCase.intakeDate, t.intake]];
  for (const event of events) {
    if (event.kind === 'status_changed' && event.toStatus) dates.push([event.happenedOn, t.movedTo(m.status[event.toStatus] ?? event.toStatus)]);
  }
  if (agreement) dates.push([agreement.signedOn, t.agreementSigned]);
  dates.sort(([a], [b]) => a.localeCompare(b));
  return (
    <ul className="summary-list">
      {dates.map(([day, what], index) => (
        <li key={index}>
          {day} {what}
        </li>
      ))}
    </ul>
  );
}

function AgreementBrief({ agreement }: { agreement: Schemas['AgreementView'] | null }) {
  const m = useMessagesWith({ caseSummary: caseSummaryMessages });
  const t = m.caseSummary;
  if (!agreement) return <p>{t.noAgreement}</p>;
  const paid = agreement.instalments.filter((instalment) => instalment.state === 'paid').length;
  return (
    <ul className="summary-list">
      <li>
        {t.agreementLine(agreement.signedOn, agreement.instalments.length)} <Money yuan={agreement.total} />
      </li>
      <li>{t.instalmentsState(paid, agreement.overdue)}</li>
    </ul>
  );
}

/** The payouts by pay day, payer and channel: how many workers, how much. */
function PayoutsBrief({ payouts }: { payouts: Schemas['PayoutView'][] }) {
  const m = useMessagesWith({ caseSummary: caseSummaryMessages });
  const t = m.caseSummary;
  if (payouts.length === 0) return <p>{t.noPayouts}</p>;
  return (
    <Table
      head={[t.payDay, m.casePage.payer, m.casePage.payChannel, t.payoutWorkers, m.casePage.amount]}
      rows={payDays(payouts).map((day) => [day.paidOn, m.payerKind[day.payerKind] ?? day.payerKind, m.payoutChannel[day.channel] ?? day.channel, m.common.people(day.workers), <Money key="a" yuan={day.amount} />])}
      numeric={[3, 4]}
    />
  );
}

/** Payouts grouped into pay days (day, payer, channel), oldest first, each summed exactly in fen. */
function payDays(payouts: Schemas['PayoutView'][]) {
  const groups = new Map<string, Schemas['PayoutView'][]>();
  for (const payout of payouts) {
    const key = `${payout.paidOn}|${payout.payerKind}|${payout.channel}`;
    const group = groups.get(key);
    if (group) group.push(payout);
    else groups.set(key, [payout]);
  }
  return [...groups.values()]
    .map((group) => ({
      paidOn: group[0].paidOn,
      payerKind: group[0].payerKind,
      channel: group[0].channel,
      workers: new Set(group.map((payout) => payout.claimId)).size,
      amount: sumYuan(group.map((payout) => payout.amount)) ?? '0.00',
    }))
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn));
}
