import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { api, Schemas, unwrap } from '../../common/api/client';
import { EmptyText } from '../../common/format/labels';
import { useMessagesWith } from '../../common/i18n/i18n';
import { usersMessages } from './users.messages';
import { shownTime } from '../audit/audit-words';

/** The employers a lawyer declared having acted for (a case against one is flagged when he is assigned): read only. */
export function LawyerEngagements({ lawyerId }: { lawyerId: string }) {
  const t = useMessagesWith({ adminUsers: usersMessages }).adminUsers;
  const engagements = useQuery({
    queryKey: ['lawyer-engagements', lawyerId],
    queryFn: () => unwrap(api.GET('/lawyer-engagements', { params: { query: { lawyerId } } })),
  });
  return (
    <section aria-labelledby="lawyer-engagements">
      <h2 id="lawyer-engagements" style={{ fontSize: 14, fontWeight: 600, margin: '0 0 4px' }}>
        {t.engagements}
      </h2>
      <p style={{ margin: '0 0 8px', color: 'rgba(0, 0, 0, 0.65)' }}>{t.engagementsHelp}</p>
      <Table<Schemas['LawyerEngagementView']>
        rowKey="employerId"
        size="small"
        pagination={false}
        loading={engagements.isPending}
        dataSource={engagements.data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>{t.noEngagements}</EmptyText> }}
        columns={[
          { title: t.employer, key: 'employer', render: (_, item) => item.employerName },
          { title: t.note, key: 'note', render: (_, item) => item.note ?? '—' },
          { title: t.declaredAt, key: 'recordedAt', render: (_, item) => shownTime(item.recordedAt).slice(0, 10) },
        ]}
      />
    </section>
  );
}
