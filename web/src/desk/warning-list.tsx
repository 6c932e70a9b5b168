import { Alert, Button, Radio, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../common/api/use-session';
import { EmptyText } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { deskMessages } from './desk.messages';
import { useWarnings, WarningStatus } from './desk-queries';

const STATUSES: WarningStatus[] = ['open', 'case_opened', 'dismissed'];
const STATUS_COLOURS: Record<string, string> = { open: 'red', case_opened: 'green', dismissed: 'default' };
const SECONDARY = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 };

/** The early warnings of my scope, newest first, each with its status; an open one can become a case. */
export function WarningList() {
  const m = useMessagesWith({ desk: deskMessages });
  const navigate = useNavigate();
  const { user } = useSession();
  const [status, setStatus] = useState<WarningStatus | 'all'>('all');
  const warnings = useWarnings(status === 'all' ? undefined : status);
  const mayOpen = user?.permissions.includes('cases.open') ?? false;
  const items = warnings.data ?? [];

  return (
    <>
      <Radio.Group
        aria-label={m.desk.warnings.filter}
        optionType="button"
        size="small"
        value={status}
        onChange={(event) => setStatus(event.target.value)}
        options={[{ value: 'all', label: m.common.all }, ...STATUSES.map((value) => ({ value, label: m.desk.warningStatus[value] }))]}
        style={{ marginBottom: 8 }}
      />
      {warnings.error && <Alert type="error" showIcon role="alert" title={m.common.loadFailed} />}
      {warnings.isPending ? (
        <EmptyText>{m.common.loading}</EmptyText>
      ) : items.length === 0 ? (
        <div>
          <EmptyText>{m.desk.warnings.empty}</EmptyText>
        </div>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={m.desk.warnings.title}>
          {items.map((warning) => {
            const summaryId = `warning-${warning.id}`;
            return (
              <li
                key={warning.id}
                data-testid="early-warning"
                style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '10px 0', borderTop: '1px solid #f0f0f0' }}
              >
                <div id={summaryId} style={{ flex: '1 1 240px', minWidth: 0 }}>
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'center' }}>
                    <strong style={{ overflowWrap: 'anywhere' }}>{warning.employerName}</strong>
                    <Tag color={STATUS_COLOURS[warning.status]} style={{ marginInlineEnd: 0 }} data-testid="warning-status">
                      {m.desk.warningStatus[warning.status] ?? warning.status}
                    </Tag>
                  </div>
                  <div style={SECONDARY}>
                    {m.desk.warnings.raisedOn(warning.raisedOn)}
                    {warning.estimatedWorkers !== null && ` · ${m.desk.warnings.workers(warning.estimatedWorkers)}`}
                    {warning.estimatedAmount !== null && (
                      <>
                        {' · '}
                        <Money yuan={warning.estimatedAmount} />
                      </>
                    )}
                  </div>
                </div>
                {warning.caseId ? (
                  <Link to={`/cases/${warning.caseId}`} aria-describedby={summaryId}>
                    {m.desk.warnings.viewCase}
                  </Link>
                ) : (
                  mayOpen &&
                  warning.status === 'open' && (
                    <Button aria-describedby={summaryId} onClick={() => void navigate(`/cases/new?earlyWarning=${warning.id}`)}>
                      {m.desk.warnings.openCase}
                    </Button>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
