import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { EmptyText } from '../common/format/labels';
import { useMessagesWith } from '../common/i18n/i18n';
import { inboxMessages } from './inbox.messages';
import { useToast } from '../common/layout/toast';
import { ChannelSettings } from './channel-settings';

const URGENCY_COLOURS: Record<string, string> = { info: 'blue', warning: 'orange', urgent: 'red' };
const PAGE_SIZE = 20;

type View = 'unread' | 'all';

/** My reminders, the unread ones first; each opens its case. Below them, where else they are sent. */
export default function InboxPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Reminders />
      <ChannelSettings />
    </Space>
  );
}

/** Every query under ['inbox'] (this list, the header's badge) follows a change of what is read. */
function useReadMutations() {
  const m = useMessagesWith({ inboxPage: inboxMessages });
  const toast = useToast();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/inbox/{id}/read', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const markAllRead = useMutation({
    mutationFn: () => unwrap(api.POST('/inbox/read-all')),
    onSuccess: (answer) => void toast.success(m.inboxPage.readAllDone(answer.marked)),
    onError: (error) => void toast.error(showApiErrors(null, error, m) ?? m.errors.server),
    onSettled: refresh,
  });
  return { markRead, markAllRead };
}

function Reminders() {
  const m = useMessagesWith({ inboxPage: inboxMessages });
  const t = m.inboxPage;
  const unread = useQuery({ queryKey: ['inbox', 'unread'], queryFn: () => unwrap(api.GET('/inbox/unread-count')) });
  const unreadCount = unread.data?.unread ?? 0;
  // the unread ones first: the page opens on them while there are any, on everything once all are read
  const [chosenView, setView] = useState<View | null>(null);
  const view: View = chosenView ?? (unreadCount > 0 ? 'unread' : 'all');
  const [page, setPage] = useState(1);
  const reminders = useQuery({
    queryKey: ['inbox', 'list', view, page],
    queryFn: () => unwrap(api.GET('/inbox', { params: { query: { page, pageSize: PAGE_SIZE, unread: view === 'unread' || undefined } } })),
    enabled: unread.isFetched,
  });
  const { markRead, markAllRead } = useReadMutations();
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t.title}</Typography.Title>}
      extra={
        <Button disabled={unreadCount === 0} loading={markAllRead.isPending} onClick={() => !markAllRead.isPending && markAllRead.mutate()}>
          {t.readAll}
        </Button>
      }
    >
      <Segmented<View>
        aria-label={t.show}
        value={view}
        onChange={(next) => {
          setView(next);
          setPage(1);
        }}
        options={[
          { value: 'unread', label: t.unreadTab(unreadCount) },
          { value: 'all', label: t.allTab },
        ]}
        style={{ marginBottom: 8 }}
      />
      <List<Schemas['InboxReminderView']>
        loading={reminders.isPending}
        dataSource={reminders.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{view === 'unread' ? t.noUnread : t.empty}</EmptyText> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: reminders.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, size: 'small' }}
        renderItem={(reminder) => <ReminderItem reminder={reminder} onRead={() => markRead.mutate(reminder.id)} />}
      />
    </Card>
  );
}

function ReminderItem({ reminder, onRead }: { reminder: Schemas['InboxReminderView']; onRead(): void }) {
  const t = useMessagesWith({ inboxPage: inboxMessages }).inboxPage;
  const unread = reminder.readAt === null;
  // opening what it is about (its case, or a list of cases) is reading the reminder
  const route = reminder.caseId ? `/cases/${reminder.caseId}` : appRoute(reminder.link);
  return (
    <List.Item data-reminder={reminder.id} style={{ background: unread ? '#f0f5ff' : undefined, paddingInline: 8 }}>
      <List.Item.Meta
        title={
          <span style={{ fontWeight: unread ? 600 : 400 }}>
            <Tag color={URGENCY_COLOURS[reminder.urgency]}>{t.urgency[reminder.urgency] ?? reminder.urgency}</Tag>
            {route ? (
              <Link to={route} onClick={unread ? onRead : undefined}>
                {reminder.title}
              </Link>
            ) : (
              reminder.title
            )}
          </span>
        }
        description={
          <>
            <div style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', color: 'rgba(0,0,0,0.75)' }}>
              <LinkedText text={reminder.body} openLabel={t.open} onOpen={unread ? onRead : undefined} />
            </div>
            {/* under the text rather than beside it: on a phone the text keeps the whole width */}
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, fontSize: 12, color: 'rgba(0,0,0,0.65)', marginTop: 4 }}>
              <span>{t.dueOn(reminder.dueOn)}</span>
              {unread ? (
                <Button size="small" onClick={onRead}>
                  {t.markRead}
                </Button>
              ) : (
                <span>· {t.read}</span>
              )}
            </div>
          </>
        }
      />
    </List.Item>
  );
}

/**
 * The page of the application a reminder's link points to (links are written for e-mail and WeCom, with the
 * service's public address): its route here, or null for a link elsewhere or to the start page.
 */
export function appRoute(link: string | null): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link); // (not URL.parse: phones' older browsers, WeChat's among them, lack it)
  } catch {
    return null;
  }
  return url.pathname.startsWith('/app/') ? `${url.pathname.slice('/app'.length)}${url.search}` : null;
}

/** A reminder's text with each of its links into the application opened here, as a short link, rather than shown as an address. */
function LinkedText({ text, openLabel, onOpen }: { text: string; openLabel: string; onOpen?: () => void }) {
  const parts = text.split(/(https?:\/\/[^\s)）]+)/);
  return (
    <>
      {parts.map((part, index) => {
        const route = index % 2 === 1 ? appRoute(part) : null;
        if (route === null) return part;
        return (
          // underlined: a link inside a sentence must not be told apart by its colour alone
          <Link key={index} to={route} onClick={onOpen} style={{ textDecoration: 'underline' }}>
            {openLabel}
          </Link>
        );
      })}
    </>
  );
}
