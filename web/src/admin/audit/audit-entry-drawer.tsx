import { Descriptions, Drawer, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../common/api/client';
import { useMessagesWith } from '../../common/i18n/i18n';
import { auditMessages } from './audit.messages';
import { auditDiff, DiffRow, displayValue } from './audit-diff';
import { actorOf, shownTime } from './audit-words';

type Entry = Schemas['AuditEntryView'];
const CHANGED_BACKGROUND = '#fff7e6';

/**
 * One entry of the audit trail: who, when, from where, and the record before and after side by side,
 * the changed fields highlighted (and marked in words, for those who do not see the colour). The values
 * are the API's, personal data already masked there.
 */
export function AuditEntryDrawer({ entry, onClose }: { entry: Entry; onClose(): void }) {
  const m = useMessagesWith({ adminAudit: auditMessages });
  const t = m.adminAudit;
  const rows = auditDiff(entry.before, entry.after);
  const anyUnchanged = rows.some((row) => !row.changed);
  // a change of a long record (a case) shows first what changed; a created record has nothing unchanged
  const [onlyChanged, setOnlyChanged] = useState(entry.action === 'update');
  const shown = onlyChanged ? rows.filter((row) => row.changed) : rows;
  const words = { absent: t.absent, empty: t.empty };
  const value = (content: unknown) => <span style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{displayValue(content, words)}</span>;

  return (
    <Drawer open title={t.detailsTitle} onClose={onClose} size="min(760px, 100vw)" destroyOnHidden>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t.occurredAt}>{shownTime(entry.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label={t.actor}>{actorOf(entry, t)}</Descriptions.Item>
        <Descriptions.Item label={t.action}>{t.actions[entry.action] ?? entry.action}</Descriptions.Item>
        <Descriptions.Item label={t.entityType}>{t.entityTypes[entry.entityType] ?? entry.entityType}</Descriptions.Item>
        <Descriptions.Item label={t.entityId}>
          <span style={{ wordBreak: 'break-all' }}>{entry.entityId ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t.address}>{entry.clientAddress ?? '—'}</Descriptions.Item>
      </Descriptions>
      {rows.length === 0 ? (
        <p>{t.nothingRecorded}</p>
      ) : (
        <>
          {anyUnchanged && (
            <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
              <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
              {t.onlyChanged}
            </label>
          )}
          <Table<DiffRow>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={shown}
            onRow={(row) => ({ style: row.changed ? { background: CHANGED_BACKGROUND } : undefined, 'data-changed': row.changed } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              {
                title: t.field, key: 'field', width: '24%',
                render: (_, row) => (
                  <>
                    <div>{t.fields[row.field] ?? row.field}</div>
                    {t.fields[row.field] && <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' }}>{row.field}</div>}
                    {row.changed && <Tag color="blue" style={{ marginTop: 2 }}>{t.changed}</Tag>}
                  </>
                ),
              },
              { title: t.before, key: 'before', width: '38%', render: (_, row) => value(row.before) },
              { title: t.after, key: 'after', width: '38%', render: (_, row) => (row.changed ? <strong>{value(row.after)}</strong> : value(row.after)) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
