import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Input, Spin, Switch, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, Schemas, unwrap } from '../../common/api/client';
import { showApiErrors } from '../../common/forms';
import { DateInput } from '../../common/format/date-input';
import { shanghaiDate } from '../../common/format/shanghai-day';
import { useMessagesWith } from '../../common/i18n/i18n';
import { reminderRulesMessages } from './reminder-rules.messages';
import { useToast } from '../../common/layout/toast';
import { allUsers } from '../duty/duty-queries';
import { daysText, parseDays } from './days-text';
import '../thresholds/plain-table.css';

type Rule = Schemas['ReminderRuleView'];
type Planned = Schemas['PlannedReminderView'];
const RULES_KEY = ['reminder-rules'] as const;

/** When each kind of reminder fires and to whom, and what a given day's sweep would send. */
export default function ReminderRulesPage() {
  const all = useMessagesWith({ adminReminderRules: reminderRulesMessages });
  const m = all.adminReminderRules;
  const rules = useQuery({ queryKey: RULES_KEY, queryFn: () => unwrap(api.GET('/reminder-rules')) });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {m.title}
      </Typography.Title>
      <Typography.Text type="secondary">{m.intro}</Typography.Text>
      {rules.error && <Alert type="error" showIcon role="alert" title={all.common.loadFailed} />}
      {rules.isPending && <Spin />}
      {rules.data && (
        <ul className="reminder-rules" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {[...rules.data].sort(byKind(m.kinds)).map((rule) => (
            <RuleRow key={`${rule.kind} ${rule.enabled} ${daysText(rule.daysBefore)}`} rule={rule} />
          ))}
        </ul>
      )}
      <CallbackDays />
      <ReportDays />
      <Preview />
    </div>
  );
}

/** How many days after closing the callback to the worker is due. */
function CallbackDays() {
  const all = useMessagesWith({ adminReminderRules: reminderRulesMessages });
  const m = all.adminReminderRules;
  const message = useToast();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: ['callback-policy'], queryFn: () => unwrap(api.GET('/callback-policy')) });
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!policy.data) return null;
  const shown = text ?? String(policy.data.daysAfterClosing);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await unwrap(api.PUT('/callback-policy', { body: { daysAfterClosing: Number(shown.trim()) } }));
      await queryClient.invalidateQueries({ queryKey: ['callback-policy'] });
      setText(null);
      void message.success(m.callbackDaysSaved(saved.daysAfterClosing));
    } catch (error) {
      setProblem(showApiErrors(null, error, all));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={m.callbackDays}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {m.callbackDaysIntro}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Input aria-label={m.callbackDays} inputMode="numeric" value={shown} onChange={(event) => setText(event.target.value)} style={{ width: 120 }} />
        <Button type="primary" loading={busy} disabled={text === null} onClick={() => void save()}>
          {m.save}
        </Button>
      </div>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
    </Card>
  );
}

const REPORT_POLICY_KEY = ['worker-report-policy'] as const;

/** How many days a worker's online report may wait before it is overdue (the reminder above counts from it). */
function ReportDays() {
  const all = useMessagesWith({ adminReminderRules: reminderRulesMessages });
  const m = all.adminReminderRules;
  const message = useToast();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: REPORT_POLICY_KEY, queryFn: () => unwrap(api.GET('/worker-report-policy')) });
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!policy.data) return null;
  const shown = text ?? String(policy.data.daysToHandle);
  const save = async () => {
    if (text === null || text.trim() === '') return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await unwrap(api.PUT('/worker-report-policy', { body: { daysToHandle: Number(shown.trim()) } }));
      queryClient.setQueryData(REPORT_POLICY_KEY, saved);
      setText(null);
      void message.success(m.reportDaysSaved(saved.daysToHandle));
    } catch (error) {
      setProblem(showApiErrors(null, error, all));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={m.reportDays}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {m.reportDaysIntro}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Input aria-label={m.reportDays} inputMode="numeric" value={shown} onChange={(event) => setText(event.target.value)} onPressEnter={() => void save()} style={{ width: 120 }} />
        <Button type="primary" loading={busy} disabled={text === null || text.trim() === ''} onClick={() => void save()} aria-label={`${m.save}：${m.reportDays}`}>
          {m.save}
        </Button>
      </div>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
    </Card>
  );
}

/** The rules in the order of the kinds (the catalogue's), whatever order the API answers in. */
const byKind = (kinds: Record<string, string>) => {
  const order = Object.keys(kinds);
  return (a: Rule, b: Rule) => order.indexOf(a.kind) - order.indexOf(b.kind);
};

/** One rule: on or off, and its days, saved on its own. */
function RuleRow({ rule }: { rule: Rule }) {
  const all = useMessagesWith({ adminReminderRules: reminderRulesMessages });
  const m = all.adminReminderRules;
  const message = useToast();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [text, setText] = useState(daysText(rule.daysBefore));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const name = m.kinds[rule.kind] ?? rule.kind;
  const changed = enabled !== rule.enabled || text.trim() !== daysText(rule.daysBefore);
  const daysId = `rule-days-${rule.kind}`;
  // the festival and the leaders' digest count down to the eve; the overdue instalment counts days after its date
  const daysLabel =
    rule.kind === 'instalment_overdue' || rule.kind === 'callback_unsatisfied' || rule.kind === 'worker_report_overdue'
      ? m.daysLabel[rule.kind]
      : rule.kind === 'festival_countdown' || rule.kind === 'leader_digest'
        ? m.daysLabel.festival_countdown
        : m.daysLabel.other;

  const save = async () => {
    const daysBefore = parseDays(text);
    if (daysBefore === null) return setProblem(m.badDays);
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.PUT('/reminder-rules/{kind}', { params: { path: { kind: rule.kind } }, body: { enabled, daysBefore } }));
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
      void message.success(m.saved(name));
    } catch (error) {
      setProblem(showApiErrors(null, error, all));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  return (
    <li>
      <Card size="small" role="group" aria-labelledby={`rule-${rule.kind}`}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 24px', alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ flex: '1 1 260px', minWidth: 0 }}>
            <h2 id={`rule-${rule.kind}`} style={{ fontSize: 15, margin: 0 }}>
              {name}
              {changed && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {m.changed}
                </Tag>
              )}
            </h2>
            <div style={{ color: 'rgba(0, 0, 0, 0.7)', marginTop: 2 }}>
              {m.recipientsTitle}：{rule.recipients.map((role) => m.recipientRoles[role] ?? role).join(m.and)}
            </div>
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'flex-end' }}>
            <label style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <Switch checked={enabled} onChange={setEnabled} disabled={busy} aria-label={`${name}：${m.enabled}`} />
              {m.enabled}
            </label>
            <div>
              <label htmlFor={daysId} style={{ display: 'block', fontSize: 13 }}>
                {daysLabel}
              </label>
              <Input
                id={daysId}
                value={text}
                placeholder={m.everyDay}
                onChange={(event) => setText(event.target.value)}
                onPressEnter={() => void save()}
                status={problem ? 'error' : undefined}
                aria-describedby={problem ? `${daysId}-problem` : undefined}
                disabled={busy}
                style={{ width: 200 }}
              />
            </div>
            <Button type="primary" onClick={() => void save()} loading={busy} disabled={!changed} aria-label={`${m.save}：${name}`}>
              {m.save}
            </Button>
          </div>
        </div>
        {problem && (
          <div id={`${daysId}-problem`} role="alert" style={{ color: '#a8071a', marginTop: 6 }}>
            {problem}
          </div>
        )}
      </Card>
    </li>
  );
}

const URGENCY_COLOURS: Record<string, string> = { info: 'blue', warning: 'orange', urgent: 'red' };

/** A dry run of a day's sweep: nothing is written or sent. */
function Preview() {
  const all = useMessagesWith({ adminReminderRules: reminderRulesMessages });
  const m = all.adminReminderRules;
  const [day, setDay] = useState<string | undefined>(shanghaiDate(new Date()));
  const [asked, setAsked] = useState<string | null>(null);
  const preview = useQuery({
    queryKey: ['reminders', 'preview', asked],
    queryFn: () => unwrap(api.GET('/reminders/preview', { params: { query: { on: asked! } } })),
    enabled: !!asked,
    // a preview shows the rules as they are now: asked again each time
    gcTime: 0,
  });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => allUsers({}), staleTime: 60_000, enabled: !!asked });
  const nameOf = (id: string) => users.data?.find((user) => user.id === id)?.displayName ?? '…';
  const phone = !Grid.useBreakpoint().md;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{m.preview}</h2>} role="region" aria-label={m.preview}>
      <Typography.Paragraph type="secondary">{m.previewIntro}</Typography.Paragraph>
      <form
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (!day) return;
          // the same day again is asked again: the rules may have changed since
          if (day === asked) void preview.refetch();
          else setAsked(day);
        }}
      >
        <label htmlFor="preview-day">{m.previewDay}</label>
        <DateInput id="preview-day" label={m.previewDay} value={day} onChange={setDay} />
        <Button htmlType="submit" type="primary" loading={preview.isFetching} disabled={!day}>
          {m.previewButton}
        </Button>
      </form>
      {preview.error && <Alert type="error" showIcon role="alert" title={showApiErrors(null, preview.error, all)} />}
      {preview.data && (
        <div data-testid="reminder-preview">
          <p role="status" style={{ fontWeight: 600 }}>
            {preview.data.planned > 0 ? m.previewCount(preview.data.on, preview.data.planned) : m.previewNone(preview.data.on)}
          </p>
          {preview.data.byKind.length > 0 && (
            <p data-testid="reminder-preview-kinds" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {preview.data.byKind.map(({ kind, count }) => (
                <Tag key={kind}>
                  {m.kinds[kind] ?? kind} {count}
                </Tag>
              ))}
            </p>
          )}
          {preview.data.reminders.length < preview.data.planned && (
            <Typography.Paragraph type="secondary">{m.previewShown(preview.data.reminders.length, preview.data.planned)}</Typography.Paragraph>
          )}
          {preview.data.reminders.length > 0 && (
            <div className="plain-table-box">
              <table className="plain-table">
                <thead>
                  <tr>
                    <th scope="col">{m.recipient}</th>
                    <th scope="col">{m.about}</th>
                    {!phone && <th scope="col">{m.urgency}</th>}
                    {!phone && <th scope="col">{m.daysLeft}</th>}
                    <th scope="col">{m.case}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.data.reminders.map((row) => (
                    <PlannedRow key={`${row.kind} ${row.subject} ${row.recipientId}`} row={row} recipient={nameOf(row.recipientId)} phone={phone} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

/** On a phone the urgency and the days left go under the reminder's words, so the table fits the screen. */
function PlannedRow({ row, recipient, phone }: { row: Planned; recipient: string; phone: boolean }) {
  const m = useMessagesWith({ adminReminderRules: reminderRulesMessages }).adminReminderRules;
  const urgency = <Tag color={URGENCY_COLOURS[row.urgency]}>{m.urgencies[row.urgency] ?? row.urgency}</Tag>;
  return (
    <tr>
      <td style={{ whiteSpace: 'nowrap' }}>{recipient}</td>
      <td className={phone ? undefined : 'is-wide'}>
        <Tag>{m.kinds[row.kind] ?? row.kind}</Tag>
        {row.title}
        {phone && (
          <div>
            {urgency}
            {m.daysLeftText(row.daysLeft)}
          </div>
        )}
      </td>
      {!phone && <td>{urgency}</td>}
      {!phone && <td style={{ whiteSpace: 'nowrap' }}>{m.daysLeftText(row.daysLeft)}</td>}
      <td style={{ whiteSpace: 'nowrap' }}>{row.caseId ? <Link to={`/cases/${row.caseId}`}>{m.openCase}</Link> : '—'}</td>
    </tr>
  );
}
