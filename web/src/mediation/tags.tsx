import { Tag } from 'antd-mobile';
import type { Schemas } from '../common/api/client';
import { useMessages } from '../common/i18n/i18n';

type TagColour = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const STATUS_COLOURS: Partial<Record<Schemas['CaseStatus'], TagColour>> = {
  verifying: 'primary', mediating: 'primary', agreed: 'success', paying: 'warning', closed: 'success',
};

export function StatusTag({ status }: { status: Schemas['CaseStatus'] }) {
  const m = useMessages();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-testid="case-status">
      {m.status[status] ?? status}
    </Tag>
  );
}

/** A session: scheduled, or held with its outcome, or cancelled. */
export function SessionTag({ session }: { session: Pick<Schemas['SessionView'], 'status' | 'outcome'> }) {
  const m = useMessages();
  if (session.outcome) return <Tag color={session.outcome === 'agreement' ? 'success' : 'default'}>{m.sessionOutcome[session.outcome] ?? session.outcome}</Tag>;
  return <Tag color={session.status === 'scheduled' ? 'primary' : 'default'} fill="outline">{m.sessionStatus[session.status] ?? session.status}</Tag>;
}

const INSTALMENT_COLOURS: Record<string, TagColour> = { paid: 'success', overdue: 'danger', due_today: 'warning', upcoming: 'default' };

export function InstalmentTag({ state }: { state: Schemas['InstalmentView']['state'] }) {
  const m = useMessages();
  return <Tag color={INSTALMENT_COLOURS[state] ?? 'default'}>{m.instalmentState[state] ?? state}</Tag>;
}
