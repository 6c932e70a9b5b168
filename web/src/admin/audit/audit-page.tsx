import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, Schemas, unwrap } from '../../common/api/client';
import { DateInput } from '../../common/format/date-input';
import { EmptyText } from '../../common/format/labels';
import { useMessagesWith } from '../../common/i18n/i18n';
import { auditMessages } from './audit.messages';
import { useUsers } from '../users/use-users';
import { auditDiff } from './audit-diff';
import { AdminPanel } from '../common/admin-panel';
import { actorOf, shownTime } from './audit-words';

// an entry's panel loads when one is opened, not with the list
const AuditEntryDrawer = lazy(() => import('./audit-entry-drawer').then((module) => ({ default: module.AuditEntryDrawer })));

type Entry = Schemas['AuditEntryView'];
type Action = Schemas['AuditAction'];
const FILTERS = ['actorId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;
const ACTIONS: Action[] = ['insert', 'update', 'delete', 'reveal', 'download', 'login', 'login_failed', 'logout', 'lookup', 'lookup_failed'];
// only colours whose text passes WCAG AA contrast (antd's green, orange and gold do not)
const ACTION_COLOURS: Record<string, string> = { insert: 'blue', delete: 'red', reveal: 'purple', login_failed: 'magenta', lookup_failed: 'magenta' };

/**
 * The audit trail: searched by person, record, action and dates (all kept in the address, so the
 * users' and organisations' pages link to a record's history), newest first; each entry opens with the
 * record before and after side by side.
 */
export default function AuditPage() {
  const m = useMessagesWith({ adminAudit: auditMessages });
  const t = m.adminAudit;
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<Entry | null>(null);
  const filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : []))) as Partial<Record<(typeof FILTERS)[number], string>>;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const people = useUsers({});

  const entries = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => unwrap(api.GET('/audit', { params: { query: { ...filters, action: filters.action as Action | undefined, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });

  /** Changes some filters and goes back to the first page. */
  const setFilters = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    next.delete('page');
    setParams(next);
  };

  const columns: TableProps<Entry>['columns'] = [
    { title: t.occurredAt, key: 'occurredAt', render: (_, entry) => shownTime(entry.occurredAt), fixed: 'left' },
    { title: t.actor, key: 'actor', render: (_, entry) => actorOf(entry, t) },
    { title: t.action, key: 'action', render: (_, entry) => <Tag color={ACTION_COLOURS[entry.action]}>{t.actions[entry.action] ?? entry.action}</Tag> },
    {
      title: t.record, key: 'record',
      render: (_, entry) => (
        <>
          <div>{t.entityTypes[entry.entityType] ?? entry.entityType}</div>
          {entry.entityId && <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' }}>{entry.entityId.slice(0, 8)}</div>}
        </>
      ),
    },
    {
      title: t.changes, key: 'changes', responsive: ['md'],
      render: (_, entry) => (entry.action === 'update' ? t.changedFields(auditDiff(entry.before, entry.after).filter((row) => row.changed).map((row) => t.fields[row.field] ?? row.field)) : '—'),
    },
    { title: t.address, key: 'address', render: (_, entry) => entry.clientAddress ?? '—', responsive: ['lg'] },
    {
      title: m.common.actions, key: 'open',
      render: (_, entry) => (
        <Button type="link" size="small" onClick={() => setOpen(entry)}>
          {t.details}
        </Button>
      ),
    },
  ];

  return (
    <AdminPanel title={t.title} intro={t.intro}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.actor}
          placeholder={t.actor}
          allowClear
          value={filters.actorId}
          onChange={(actorId?: string) => setFilters({ actorId })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.isPending}
          options={(people.data ?? []).map((person) => ({ value: person.id, label: `${person.displayName}（${person.username}）` }))}
          style={{ width: 220 }}
        />
        <Select
          aria-label={t.entityType}
          placeholder={t.entityType}
          allowClear
          value={filters.entityType}
          onChange={(entityType?: string) => setFilters({ entityType })}
          showSearch={{ optionFilterProp: 'label' }}
          options={Object.entries(t.entityTypes).map(([value, label]) => ({ value, label }))}
          style={{ width: 160 }}
        />
        <Input.Search
          key={filters.entityId ?? ''}
          aria-label={t.entityId}
          placeholder={t.entityIdHelp}
          defaultValue={filters.entityId}
          allowClear
          onSearch={(entityId) => setFilters({ entityId: entityId.trim() })}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t.action}
          placeholder={t.action}
          allowClear
          value={filters.action}
          onChange={(action?: string) => setFilters({ action })}
          options={ACTIONS.map((action) => ({ value: action, label: t.actions[action] }))}
          style={{ width: 150 }}
        />
        <Space.Compact>
          <DateInput label={t.from} value={filters.from} max={filters.to} onChange={(from) => setFilters({ from })} />
          <DateInput label={t.to} value={filters.to} min={filters.from} onChange={(to) => setFilters({ to })} />
        </Space.Compact>
        {params.size > 0 && <Button onClick={() => setParams(new URLSearchParams())}>{m.common.reset}</Button>}
      </Space>
      <Table<Entry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>{t.none}</EmptyText> }}
        onRow={(entry) => ({ onClick: () => setOpen(entry), style: { cursor: 'pointer' } })}
        onChange={(pagination) => {
          const next = new URLSearchParams(params);
          next.set('page', String(pagination.current ?? 1));
          next.set('pageSize', String(pagination.pageSize ?? 20));
          setParams(next);
        }}
        pagination={{ current: page, pageSize, total: entries.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (total) => t.count(total) }}
      />
      <Suspense fallback={null}>{open && <AuditEntryDrawer entry={open} onClose={() => setOpen(null)} />}</Suspense>
    </AdminPanel>
  );
}
