import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { Money } from '../common/format/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { heldMoneyMessages } from './held-money.messages';
import '../dashboard/dashboard.css';

/** Money held for workers who have not collected it (代管), across the user's scope: by organisation and age, then each sum. */
export default function HeldMoneyPage() {
  const m = useMessagesWith({ heldMoney: heldMoneyMessages });
  const t = m.heldMoney;
  const [page, setPage] = useState(1);
  const held = useQuery({
    queryKey: ['held-money', page],
    queryFn: () => unwrap(api.GET('/held-money', { params: { query: { page, pageSize: 50 } } })),
    placeholderData: keepPreviousData,
  });
  const data = held.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <div className="report-panel">
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t.intro}
        </Typography.Paragraph>
      </div>
      {held.error && <Alert type="error" showIcon role="alert" title={m.common.loadFailed} />}
      <section className="report-panel" aria-label={t.byOrganisation}>
        <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{t.byOrganisation}</h2>
        <Table<Schemas['HeldByAgeView']>
          rowKey="organisationId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={held.isPending}
          dataSource={data?.byOrganisation}
          locale={{ emptyText: t.none }}
          columns={[
            { title: t.organisation, dataIndex: 'organisationName', key: 'organisation' },
            { title: t.workers, dataIndex: 'workers', key: 'workers', align: 'right' },
            { title: t.total, key: 'total', align: 'right', render: (_, row) => <Money yuan={row.total} strong /> },
            { title: t.within30, key: 'within30', align: 'right', render: (_, row) => <Money yuan={row.within30Days} /> },
            { title: t.within90, key: 'within90', align: 'right', render: (_, row) => <Money yuan={row.within90Days} /> },
            { title: t.within180, key: 'within180', align: 'right', render: (_, row) => <Money yuan={row.within180Days} /> },
            { title: t.older, key: 'older', align: 'right', render: (_, row) => <Money yuan={row.older} strong={row.older !== '0.00'} /> },
          ]}
        />
      </section>
      <section className="report-panel" aria-label={t.items}>
        <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{t.items}</h2>
        <Table<Schemas['HeldMoneyItemView']>
          rowKey="payoutId"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={held.isFetching}
          dataSource={data?.items}
          locale={{ emptyText: t.none }}
          pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: t.case, key: 'case', render: (_, row) => <Link to={`/cases/${row.caseId}`}>{row.caseNumber}</Link> },
            { title: t.worker, dataIndex: 'workerName', key: 'worker' },
            { title: t.amount, key: 'amount', align: 'right', render: (_, row) => <Money yuan={row.amount} /> },
            { title: t.receivedOn, dataIndex: 'receivedOn', key: 'receivedOn' },
            { title: t.daysHeld, key: 'daysHeld', align: 'right', render: (_, row) => t.days(row.daysHeld) },
            { title: t.heldIn, key: 'heldIn', render: (_, row) => t.heldPlace[row.heldIn] ?? row.heldIn, responsive: ['md'] },
            { title: t.organisation, dataIndex: 'organisationName', key: 'organisation', responsive: ['lg'] },
          ]}
        />
      </section>
    </div>
  );
}
