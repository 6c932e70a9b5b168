import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useHref, useParams } from 'react-router';
import { api, ApiError, openDocument, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { EmptyText, StatusTag } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessages, useMessagesWith } from '../common/i18n/i18n';
import { showApiErrors } from '../common/forms';
import { EmployerLink } from '../employers/employer-link';
import { ledgerMessages } from './ledger.messages';
import { SummaryEditor } from './summary-editor';
import { useCase } from './use-case';

// The move dialog (a form) loads when a move is chosen, not with the page; so does the correction form.
const TransitionDialog = lazy(() => import('./transition-dialog'));
const RequestCorrectionDialog = lazy(() => import('./correction-dialogs').then((module) => ({ default: module.RequestCorrectionDialog })));
const HandoverDialog = lazy(() => import('./correction-dialogs').then((module) => ({ default: module.HandoverDialog })));
// the corrections of the ledger and the callbacks after closing, rare on a case, load after the page
const CaseCorrections = lazy(() => import('./payout-corrections').then((module) => ({ default: module.CaseCorrections })));
const CaseCallbacks = lazy(() => import('./callbacks').then((module) => ({ default: module.CaseCallbacks })));
const CaseFiles = lazy(() => import('./case-files').then((module) => ({ default: module.CaseFiles })));

/** Everything about one case on one page, and the next steps this user may take on it. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const m = useMessages();
  const theCase = useCase(caseId);
  if (theCase.isPending) return <Spin size="large" style={{ display: 'block', margin: 48 }} />;
  if (theCase.error) {
    const notFound = theCase.error instanceof ApiError && theCase.error.status === 404;
    return <Alert type="error" showIcon role="alert" title={notFound ? theCase.error.message : m.common.loadFailed} style={{ margin: 24 }} />;
  }
  const data = theCase.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Overview theCase={data} />
      <ConflictsNotice caseId={caseId} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <WorkersPanel theCase={data} />
            <PayoutsPanel theCase={data} />
            <Suspense fallback={null}>
              <CaseFiles caseId={caseId} />
            </Suspense>
            <AgreementPanel caseId={caseId} />
            <SessionsPanel caseId={caseId} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Suspense fallback={null}>
              <CaseCallbacks caseId={caseId} />
            </Suspense>
            <DeadlinesPanel caseId={caseId} />
            <ChainPanel theCase={data} />
            <TimelinePanel caseId={caseId} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Overview({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessages();
  const { user } = useSession();
  const [moveTo, setMoveTo] = useState<string | null>(null);
  // Moves are the status machine's list from here, for a role that may move cases (cases.transition).
  const moves = user?.permissions.includes('cases.transition') ? theCase.allowedTransitions : [];
  const summaryHref = useHref(`/cases/${theCase.id}/summary`);
  const { totals } = theCase;
  return (
    <Card>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Space wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {theCase.caseNumber}
          </Typography.Title>
          <span data-testid="case-status">
            <StatusTag status={theCase.status} />
          </span>
          {theCase.outcome && <Tag>{m.outcome[theCase.outcome]}</Tag>}
          {theCase.festivalCountdown && <Tag color="red">{m.festival.countdown(theCase.festivalCountdown.daysToEve)}</Tag>}
        </Space>
        <Space wrap>
          <Space wrap aria-label={m.casePage.nextSteps}>
            {moves.map((to) => (
              <Button key={to} type={to === 'closed' || to === 'paying' || to === 'agreed' ? 'primary' : 'default'} onClick={() => setMoveTo(to)}>
                {m.casePage.move(m.status[to] ?? to)}
              </Button>
            ))}
          </Space>
          {/* the one-page summary for the paper file, in a tab of its own so the case stays open */}
          <Button href={summaryHref} target="_blank">
            {m.casePage.printSummary}
          </Button>
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={m.cases.organisation}>{theCase.organisation.name}</Descriptions.Item>
        <Descriptions.Item label={m.cases.intakeDate}>{theCase.intakeDate}</Descriptions.Item>
        <Descriptions.Item label={m.cases.channel}>{m.channel[theCase.intakeChannel] ?? theCase.intakeChannel}</Descriptions.Item>
        <Descriptions.Item label={m.cases.project}>{theCase.project?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m.cases.lawyer}>{theCase.lawyer?.displayName ?? m.cases.unassigned}</Descriptions.Item>
        <Descriptions.Item label={m.cases.mediator}>{theCase.mediator?.displayName ?? m.cases.unassigned}</Descriptions.Item>
        {theCase.statusReason && <Descriptions.Item label={m.casePage.reason}>{theCase.statusReason}</Descriptions.Item>}
      </Descriptions>
      <SummaryEditor theCase={theCase} />
      <Row gutter={[8, 8]} style={{ marginTop: 12 }} role="group" aria-label={m.casePage.totals}>
        {(
          [
            [m.cases.workers, m.common.people(totals.workers)],
            [m.cases.claimed, <Money key="c" yuan={totals.claimed} />],
            [m.cases.confirmed, <Money key="f" yuan={totals.confirmed} />],
            [m.cases.paid, <Money key="p" yuan={totals.paid} />],
            [m.cases.outstanding, <Money key="o" yuan={totals.outstanding} strong />],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} xs={12} sm={8} md={4}>
            <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>{label}</div>
            <div style={{ fontSize: 18 }} data-total={label}>
              {value}
            </div>
          </Col>
        ))}
      </Row>
      {moveTo && (
        <Suspense fallback={null}>
          <TransitionDialog theCase={theCase} to={moveTo} onClose={() => setMoveTo(null)} />
        </Suspense>
      )}
    </Card>
  );
}

/** Workers who also claim in another open case, a lawyer who acted for an employer: shown where they arise. */
function ConflictsNotice({ caseId }: { caseId: string }) {
  const m = useMessages();
  const conflicts = useQuery({
    queryKey: ['conflicts', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/conflicts', { params: { path: { caseId } } })),
  });
  const data = conflicts.data;
  if (!data || (data.workersInOtherOpenCases.length === 0 && data.lawyerActedForEmployer.length === 0)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={m.casePage.conflicts}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {data.lawyerActedForEmployer.map((item) => (
            <li key={`lawyer-${item.employerId}`}>{m.intake.lawyerActedFor(item.employerName)}</li>
          ))}
          {data.workersInOtherOpenCases.map((item) => (
            <li key={`${item.workerId}-${item.caseNumber}`}>{m.casePage.claimingElsewhere(item.workerName, item.caseNumber)}</li>
          ))}
        </ul>
      }
    />
  );
}

function WorkersPanel({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessages();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const claims = useQuery({
    queryKey: ['claims', theCase.id, q, page, pageSize, theCase.version, theCase.totals.paid],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/claims', { params: { path: { caseId: theCase.id }, query: { q: q || undefined, page, pageSize } } })),
  });
  return (
    <Card title={m.casePage.workers} extra={<span>{m.casePage.workerCount(theCase.totals.workers)}</span>}>
      <input
        type="search"
        aria-label={m.casePage.searchWorkers}
        placeholder={m.casePage.searchWorkers}
        onChange={(event) => {
          setQ(event.target.value.trim());
          setPage(1);
        }}
        style={{ marginBottom: 12, padding: '4px 11px', border: '1px solid #d9d9d9', borderRadius: 6, width: 240, maxWidth: '100%', font: 'inherit' }}
      />
      <Table<Schemas['ClaimView']>
        rowKey="id"
        size="small"
        loading={claims.isFetching}
        dataSource={claims.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>{m.casePage.noWorkers}</EmptyText> }}
        pagination={{ current: page, pageSize, total: claims.data?.total ?? 0, showSizeChanger: true, onChange: (next, size) => { setPage(next); setPageSize(size); } }}
        columns={[
          { title: m.casePage.worker, key: 'name', render: (_, claim) => claim.worker.name, fixed: 'left' },
          { title: m.casePage.idNumber, key: 'id', render: (_, claim) => claim.worker.idNumber, responsive: ['md'] },
          { title: m.cases.claimed, key: 'claimed', align: 'right', render: (_, claim) => <Money yuan={claim.amountClaimed} /> },
          { title: m.cases.confirmed, key: 'confirmed', align: 'right', render: (_, claim) => (claim.amountConfirmed ? <Money yuan={claim.amountConfirmed} /> : '—') },
          { title: m.cases.paid, key: 'paid', align: 'right', render: (_, claim) => <Money yuan={claim.amountPaid} /> },
          { title: m.cases.outstanding, key: 'outstanding', align: 'right', render: (_, claim) => <Money yuan={claim.amountOutstanding} strong={claim.amountOutstanding !== '0.00'} /> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={1}>{m.common.total}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} className="hide-on-phone" />
            <Table.Summary.Cell index={2} align="right"><Money yuan={theCase.totals.claimed} /></Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><Money yuan={theCase.totals.confirmed} /></Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right"><Money yuan={theCase.totals.paid} /></Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right"><Money yuan={theCase.totals.outstanding} strong /></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

/**
 * The payout ledger as recorded: a payout a correction took back stays, struck through, beside its
 * reversal and the payout as corrected; the case's correction requests follow it.
 */
function PayoutsPanel({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessagesWith({ ledger: ledgerMessages });
  const t = m.ledger;
  const caseId = theCase.id;
  const { user } = useSession();
  const mayCorrect = user?.permissions.includes('payouts.correct') ?? false;
  const mayHandOver = user?.permissions.includes('payouts.record') ?? false;
  const [page, setPage] = useState(1);
  const [correcting, setCorrecting] = useState<Schemas['PayoutView'] | null>(null);
  const [handingOver, setHandingOver] = useState<Schemas['PayoutView'] | null>(null);
  const payouts = useQuery({
    queryKey: ['payouts', caseId, page],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/payouts', { params: { path: { caseId }, query: { page, pageSize: 20 } } })),
  });
  const taken = (payout: Schemas['PayoutView']) => payout.reversedByCorrectionId !== null;
  return (
    <Card title={m.casePage.payouts}>
      <Table<Schemas['PayoutView']>
        rowKey="id"
        size="small"
        dataSource={payouts.data?.items}
        loading={payouts.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>{m.casePage.noPayouts}</EmptyText> }}
        pagination={{ current: page, pageSize: 20, total: payouts.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: m.casePage.paidOn, dataIndex: 'paidOn', key: 'paidOn' },
          { title: m.casePage.worker, dataIndex: 'workerName', key: 'worker' },
          {
            title: m.casePage.amount,
            key: 'amount',
            align: 'right',
            render: (_, payout) => (taken(payout) ? <s><Money yuan={payout.amount} /></s> : <Money yuan={payout.amount} />),
          },
          {
            title: '',
            key: 'entry',
            render: (_, payout) =>
              payout.entryKind === 'reversal' ? (
                <Tag color="red">{t.reversal}</Tag>
              ) : payout.entryKind === 'replacement' ? (
                <Tag color="blue">{t.replacement}</Tag>
              ) : taken(payout) ? (
                <Tag>{t.reversedTag}</Tag>
              ) : null,
          },
          {
            title: '',
            key: 'held',
            // money held for the worker (代管): where, and whether it reached him
            render: (_, payout) =>
              payout.heldIn && payout.entryKind !== 'reversal' && !taken(payout) ? (
                payout.handover ? (
                  <Tag>{t.handedOver(payout.handover.handedOverOn)}</Tag>
                ) : mayHandOver ? (
                  <Space size={4}>
                    <Tag color="gold" style={{ color: '#874d00' }}>{t.held[payout.heldIn]}</Tag>
                    <Button size="small" onClick={() => setHandingOver(payout)}>
                      {t.handOver}
                    </Button>
                  </Space>
                ) : (
                  <Tag color="gold" style={{ color: '#874d00' }}>{t.held[payout.heldIn]}</Tag>
                )
              ) : null,
          },
          { title: m.casePage.payer, key: 'payer', render: (_, payout) => m.payerKind[payout.payerKind] ?? payout.payerKind, responsive: ['md'] },
          { title: m.casePage.payChannel, key: 'channel', render: (_, payout) => m.payoutChannel[payout.channel] ?? payout.channel, responsive: ['lg'] },
          ...(mayCorrect
            ? [
                {
                  title: '',
                  key: 'correct',
                  render: (_: unknown, payout: Schemas['PayoutView']) =>
                    payout.entryKind !== 'reversal' && !taken(payout) ? (
                      <Button size="small" onClick={() => setCorrecting(payout)}>
                        {t.ask}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Suspense fallback={null}>
        <CaseCorrections caseId={caseId} />
      </Suspense>
      {correcting && (
        <Suspense fallback={null}>
          <RequestCorrectionDialog caseId={caseId} intakeDate={theCase.intakeDate} payout={correcting} onClose={() => setCorrecting(null)} />
        </Suspense>
      )}
      {handingOver && (
        <Suspense fallback={null}>
          <HandoverDialog caseId={caseId} payout={handingOver} onClose={() => setHandingOver(null)} />
        </Suspense>
      )}
    </Card>
  );
}

function AgreementPanel({ caseId }: { caseId: string }) {
  const m = useMessages();
  const { user } = useSession();
  // the copy to be signed carries full id numbers: for those who may reveal them (the server audits it)
  const mayPrintFull = user?.permissions.includes('workers.reveal') ?? false;
  const [problem, setProblem] = useState<string | null>(null);
  const agreement = useQuery({
    queryKey: ['agreement', caseId],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/cases/{caseId}/agreement', { params: { path: { caseId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const print = async (idNumbers: 'masked' | 'full') => {
    setProblem(null);
    try {
      await openDocument(`/cases/${caseId}/agreement/document${idNumbers === 'full' ? '?idNumbers=full' : ''}`);
    } catch (error) {
      setProblem(showApiErrors(null, error, m));
    }
  };
  const data = agreement.data;
  return (
    <Card
      title={m.casePage.agreement}
      extra={
        data ? (
          <Space wrap>
            <Button onClick={() => void print('masked')}>{m.casePage.printAgreement}</Button>
            {mayPrintFull && (
              <Button title={m.casePage.printFullHint} onClick={() => void print('full')}>
                {m.casePage.printAgreementFull}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {problem && <Alert type="error" title={problem} showIcon role="alert" />}
      {!data ? (
        <Empty description={m.casePage.noAgreement} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={m.casePage.signedOn}>{data.signedOn}</Descriptions.Item>
            <Descriptions.Item label={m.common.total}><Money yuan={data.total} /></Descriptions.Item>
            {data.overdue > 0 && <Descriptions.Item label={m.casePage.overdue}><Tag color="red">{m.casePage.overdueCount(data.overdue)}</Tag></Descriptions.Item>}
          </Descriptions>
          <Table<Schemas['InstalmentView']>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.instalments}
            columns={[
              { title: m.casePage.due, dataIndex: 'dueOn', key: 'due' },
              { title: m.casePage.amount, key: 'amount', align: 'right', render: (_, instalment) => <Money yuan={instalment.amount} /> },
              { title: m.casePage.instalmentPaid, key: 'paid', align: 'right', render: (_, instalment) => <Money yuan={instalment.paid} /> },
              { title: m.cases.status, key: 'state', render: (_, instalment) => <Tag color={INSTALMENT_COLOURS[instalment.state]}>{m.instalmentState[instalment.state] ?? instalment.state}</Tag> },
            ]}
          />
        </>
      )}
    </Card>
  );
}

const INSTALMENT_COLOURS: Record<string, string> = { paid: 'green', overdue: 'red', due: 'orange', pending: 'default' };

function SessionsPanel({ caseId }: { caseId: string }) {
  const m = useMessages();
  const sessions = useQuery({
    queryKey: ['sessions', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/sessions', { params: { path: { caseId } } })),
  });
  return (
    <Card title={m.casePage.sessions}>
      <Table<Schemas['SessionView']>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={sessions.data}
        loading={sessions.isFetching}
        locale={{ emptyText: <EmptyText>{m.casePage.noSessions}</EmptyText> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: m.casePage.scheduledAt, key: 'when', render: (_, session) => session.startsAt.slice(0, 16).replace('T', ' ') },
          { title: m.casePage.room, key: 'where', render: (_, session) => session.room?.name ?? session.place ?? '—' },
          { title: m.cases.mediator, key: 'mediator', render: (_, session) => session.mediator.displayName },
          { title: m.casePage.sessionOutcome, key: 'outcome', render: (_, session) => (session.outcome ? m.sessionOutcome[session.outcome] ?? session.outcome : m.sessionStatus[session.status] ?? session.status) },
        ]}
      />
    </Card>
  );
}

function DeadlinesPanel({ caseId }: { caseId: string }) {
  const m = useMessages();
  const deadlines = useQuery({
    queryKey: ['deadlines', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/deadlines', { params: { path: { caseId } } })),
  });
  const items = deadlines.data?.deadlines ?? [];
  return (
    <Card title={m.casePage.deadlines} loading={deadlines.isPending}>
      {items.length === 0 ? (
        <Empty description={m.casePage.noDeadlines} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((deadline) => (
            <li key={`${deadline.clock}-${deadline.subject}`} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <strong>{m.clock[deadline.clock] ?? deadline.clock}</strong>
                {deadline.daysLeft !== null && (
                  <Tag color={deadline.daysLeft < 0 ? 'red' : deadline.daysLeft <= 3 ? 'orange' : 'blue'}>{m.casePage.daysLeft(deadline.daysLeft)}</Tag>
                )}
              </div>
              <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                {m.casePage.dueOn} {deadline.dueOn ?? '—'} · {m.clockState[deadline.state] ?? deadline.state}
                {deadline.concludedAs && `（${m.caseConclusion[deadline.concludedAs] ?? deadline.concludedAs}）`}
                {deadline.endedOn && ` · ${m.casePage.endedOn} ${deadline.endedOn}`}
              </div>
              {deadline.calendarCovered === false && <Alert type="warning" showIcon title={m.casePage.calendarMissing} style={{ marginTop: 4 }} />}
              {deadline.calendarProvisional && <Alert type="info" showIcon title={m.casePage.calendarProvisional} style={{ marginTop: 4 }} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ChainPanel({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessages();
  return (
    <Card title={m.casePage.chain}>
      <ul style={{ paddingInlineStart: 18, margin: 0 }}>
        {theCase.employers.map((employer) => (
          <li key={`${employer.id}-${employer.role}`}>
            <Tag>{m.chainRole[employer.role] ?? employer.role}</Tag> <EmployerLink employer={employer} />
            {employer.creditCode && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{employer.creditCode}</div>}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function TimelinePanel({ caseId }: { caseId: string }) {
  const m = useMessages();
  const events = useQuery({
    queryKey: ['case-events', caseId],
    queryFn: () => unwrap(api.GET('/cases/{id}/events', { params: { path: { id: caseId }, query: { pageSize: 200 } } })),
  });
  return (
    <Card title={m.casePage.timeline} loading={events.isPending}>
      {/* a plain list: antd's Timeline brings its Steps along (about 15 KiB gzip) for no more than this */}
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {(events.data?.items ?? [])
          .slice()
          .reverse()
          .map((event) => (
            <li key={event.id} style={{ borderInlineStart: '2px solid #d9d9d9', paddingInlineStart: 12, paddingBottom: 10 }}>
              <div>
                {m.eventKind[event.kind] ?? event.kind}
                {event.toStatus && ` → ${m.status[event.toStatus] ?? event.toStatus}`}
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                {event.happenedOn}
                {/* a back-dated entry says when it was written down too */}
                {!event.recordedAt.startsWith(event.happenedOn) && ` · ${m.casePage.recordedAt(event.recordedAt.slice(0, 16).replace('T', ' '))}`}
              </div>
            </li>
          ))}
      </ol>
    </Card>
  );
}
