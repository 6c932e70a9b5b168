import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../common/api/client';
import { useMessages } from '../common/i18n/i18n';

const URGENCY_COLOURS: Record<string, string> = { info: 'blue', warning: 'orange', urgent: 'red', critical: 'red' };

/** My reminders, newest first; each opens its case in the app. */
export default function InboxPage() {
  const m = useMessages();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const inbox = useQuery({ queryKey: ['inbox', page], queryFn: () => unwrap(api.GET('/inbox', { params: { query: { page, pageSize: 20 } } })) });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/inbox/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{m.inbox.title}</Typography.Title>}>
      <List
        loading={inbox.isPending}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: m.inbox.empty }}
        pagination={{ current: page, pageSize: 20, total: inbox.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(reminder) => (
          <List.Item
            actions={reminder.readAt ? [] : [<Button key="read" size="small" onClick={() => markRead.mutate(reminder.id)}>{m.inbox.markRead}</Button>]}
          >
            <List.Item.Meta
              title={
                <span style={{ fontWeight: reminder.readAt ? 400 : 600 }}>
                  <Tag color={URGENCY_COLOURS[reminder.urgency]}>{reminder.dueOn}</Tag>
                  {reminder.caseId ? <Link to={`/cases/${reminder.caseId}`}>{reminder.title}</Link> : reminder.title}
                </span>
              }
              description={<span style={{ whiteSpace: 'pre-line' }}>{reminder.body}</span>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
