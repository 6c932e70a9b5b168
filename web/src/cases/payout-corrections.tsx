import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { ColourTag } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { correctionsMessages } from './corrections.messages';

type Correction = Schemas['PayoutCorrectionView'];

// The dialogs (forms) load when one is opened, not with the case page.
const DecideCorrectionDialog = lazy(() => import('./correction-dialogs').then((module) => ({ default: module.DecideCorrectionDialog })));

const STATUS_COLOURS: Record<Correction['status'], string> = { pending: 'orange', approved: 'green', rejected: 'default' };

/** A correction in words: the payout as recorded, what it should have been, and why. */
export function CorrectionSummary({ correction }: { correction: Correction }) {
  const m = useMessagesWith({ corrections: correctionsMessages });
  const t = m.corrections;
  const { original, replacement } = correction;
  return (
    <div>
      <div>
        {t.original}：{original.paidOn} · {original.workerName} · <Money yuan={original.amount} />
      </div>
      <div>
        {t.corrected}：
        {replacement ? (
          <>
            {replacement.paidOn} · {replacement.workerName} · <Money yuan={replacement.amount} />
          </>
        ) : (
          t.voided
        )}
      </div>
      <div style={{ color: 'rgba(0,0,0,0.65)' }}>
        {t.reason}：{correction.reason}
      </div>
    </div>
  );
}

/** The case's corrections, pending first as the server orders them (newest first), each with its decision or the buttons to decide it. */
export function CaseCorrections({ caseId }: { caseId: string }) {
  const m = useMessagesWith({ corrections: correctionsMessages });
  const corrections = useQuery({
    queryKey: ['payout-corrections', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/payout-corrections', { params: { path: { caseId } } })),
  });
  const items = corrections.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-label={m.corrections.title} style={{ marginTop: 16 }}>
      <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>{m.corrections.title}</h3>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((correction) => (
          <CorrectionItem key={correction.id} correction={correction} />
        ))}
      </ul>
    </section>
  );
}

/** One correction: what it changes, who asked and who decided, and for an approver who did not ask, approve and reject. */
export function CorrectionItem({ correction, showCase = false }: { correction: Correction; showCase?: boolean }) {
  const m = useMessagesWith({ corrections: correctionsMessages });
  const t = m.corrections;
  const { user } = useSession();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const mayDecide = correction.status === 'pending' && (user?.permissions.includes('payouts.approve') ?? false);
  const own = correction.requestedBy.id === user?.id;
  const when = (stamp: string) => stamp.slice(0, 16).replace('T', ' ');
  return (
    <li data-testid="payout-correction" style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <ColourTag colour={STATUS_COLOURS[correction.status]}>{t[correction.status]}</ColourTag>
        {showCase && <Link to={`/cases/${correction.caseId}`}>{correction.caseNumber}</Link>}
      </Space>
      <CorrectionSummary correction={correction} />
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
        {t.requestedBy(correction.requestedBy.displayName, when(correction.requestedAt))}
        {correction.decidedBy && correction.decidedAt && ` · ${t.decidedBy(correction.decidedBy.displayName, when(correction.decidedAt))}`}
        {correction.decisionNote && ` · ${t.note}：${correction.decisionNote}`}
      </div>
      {mayDecide &&
        (own ? (
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{t.ownRequest}</div>
        ) : (
          <Space style={{ marginTop: 6 }}>
            <Button type="primary" size="small" onClick={() => setDeciding('approve')}>
              {t.approve}
            </Button>
            <Button danger size="small" onClick={() => setDeciding('reject')}>
              {t.reject}
            </Button>
          </Space>
        ))}
      {deciding && (
        <Suspense fallback={null}>
          <DecideCorrectionDialog correction={correction} decision={deciding} onClose={() => setDeciding(null)} />
        </Suspense>
      )}
    </li>
  );
}

/**
 * For leaders and administrators: the corrections waiting for their approval across their scope, oldest
 * first (the first five, with how many in all); nothing when none waits.
 */
export function PendingCorrections() {
  const m = useMessagesWith({ corrections: correctionsMessages });
  const { user } = useSession();
  const mayApprove = user?.permissions.includes('payouts.approve') ?? false;
  const pending = useQuery({
    queryKey: ['pending-corrections'],
    queryFn: () => unwrap(api.GET('/payout-corrections/pending', { params: { query: { pageSize: 5 } } })),
    enabled: mayApprove,
  });
  if (!pending.data || pending.data.total === 0) return null;
  return (
    <section className="report-panel" aria-label={m.corrections.waitingTitle} data-testid="pending-corrections">
      <h2 style={{ fontSize: 16, margin: '0 0 4px' }}>
        {m.corrections.waitingTitle} <ColourTag colour="orange">{m.corrections.waiting(pending.data.total)}</ColourTag>
      </h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {pending.data.items.map((correction) => (
          <CorrectionItem key={correction.id} correction={correction} showCase />
        ))}
      </ul>
    </section>
  );
}
