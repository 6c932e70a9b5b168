import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Radio, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { showApiErrors } from '../common/forms';
import { DateInput } from '../common/format/date-input';
import { ColourTag } from '../common/format/labels';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessagesWith } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { percent } from '../dashboard/format';
import type { ReportQuery } from '../dashboard/report-view';
import { callbacksMessages } from './callbacks.messages';
import { caseKey } from './use-case';

type Callback = Schemas['CallbackView'];

const SATISFACTION_COLOURS: Record<string, string> = { satisfied: 'green', basically_satisfied: 'cyan', not_satisfied: 'red' };
const STATUS_COLOURS: Record<string, string> = { open: 'orange', answered: 'green', cancelled: 'default' };

function useTexts() {
  return useMessagesWith({ callbacks: callbacksMessages });
}

/** What answering or following up a callback changes on screen. */
function refreshCallbacks(queryClient: ReturnType<typeof useQueryClient>, caseId: string): void {
  for (const key of [['callbacks', caseId], ['callbacks-unsatisfied'], ['callbacks-due'], ['case-events', caseId], caseKey(caseId)]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/** The case's callbacks after closing; nothing until the case has been closed once. */
export function CaseCallbacks({ caseId }: { caseId: string }) {
  const m = useTexts();
  const callbacks = useQuery({
    queryKey: ['callbacks', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/callbacks', { params: { path: { caseId } } })),
  });
  if (!callbacks.data || callbacks.data.length === 0) return null;
  return (
    <Card title={m.callbacks.title}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {callbacks.data.map((callback) => (
          <CallbackItem key={callback.id} callback={callback} />
        ))}
      </ul>
    </Card>
  );
}

/** One callback: when it is due and who calls, what was said, the leader's follow-up; and the buttons its reader may use. */
export function CallbackItem({ callback, showCase = false }: { callback: Callback; showCase?: boolean }) {
  const m = useTexts();
  const t = m.callbacks;
  const { user } = useSession();
  const [dialog, setDialog] = useState<'answer' | 'follow-up' | null>(null);
  const mayRecord = callback.status === 'open' && (user?.permissions.includes('callbacks.record') ?? false);
  const waiting = callback.satisfaction === 'not_satisfied' && callback.followedUpBy === null;
  const mayFollowUp = waiting && (user?.permissions.includes('callbacks.follow_up') ?? false);
  return (
    <li data-testid="callback" style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <ColourTag colour={STATUS_COLOURS[callback.status]}>{t.status[callback.status]}</ColourTag>
        {callback.satisfaction && <ColourTag colour={SATISFACTION_COLOURS[callback.satisfaction]}>{t.satisfaction[callback.satisfaction]}</ColourTag>}
        {callback.reached === false && <ColourTag colour="default">{t.notReached}</ColourTag>}
        {showCase && <Link to={`/cases/${callback.caseId}`}>{callback.caseNumber}</Link>}
      </Space>
      {callback.status === 'open' && (
        <div>
          {t.due(callback.dueOn)} · {callback.assignee ? t.assignee(callback.assignee.displayName) : t.unassigned}
        </div>
      )}
      {callback.calledOn && (
        <div>
          {/* the worker's own rating on the lookup page answers the callback: nobody called */}
          {callback.answeredOnline ? t.answeredOnlineLine(callback.calledOn) : t.calledOnLine(callback.calledOn, callback.answeredBy?.displayName ?? '')}
          {callback.spokeWith && ` · ${callback.spokeWith}`}
        </div>
      )}
      {callback.note && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{callback.note}</div>}
      {waiting && <div style={{ color: '#a8071a' }}>{t.waitingFollowUp}</div>}
      {callback.followUpNote && callback.followedUpBy && callback.followedUpAt && (
        <div style={{ fontSize: 13 }}>
          {t.followedUpLine(callback.followedUpBy.displayName, callback.followedUpAt.slice(0, 16).replace('T', ' '))}：{callback.followUpNote}
        </div>
      )}
      {(mayRecord || mayFollowUp) && (
        <Space style={{ marginTop: 6 }}>
          {mayRecord && (
            <Button type="primary" size="small" onClick={() => setDialog('answer')}>
              {t.record}
            </Button>
          )}
          {mayFollowUp && (
            <Button type="primary" size="small" onClick={() => setDialog('follow-up')}>
              {t.followUp}
            </Button>
          )}
        </Space>
      )}
      {dialog === 'answer' && <AnswerDialog callback={callback} onClose={() => setDialog(null)} />}
      {dialog === 'follow-up' && <FollowUpDialog callback={callback} onClose={() => setDialog(null)} />}
    </li>
  );
}

interface AnswerForm {
  reached: boolean;
  spokeWith?: string;
  satisfaction?: Schemas['AnswerCallbackDto']['satisfaction'];
  note?: string;
  calledOn: string;
}

function AnswerDialog({ callback, onClose }: { callback: Callback; onClose(): void }) {
  const m = useTexts();
  const t = m.callbacks;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AnswerForm>();
  const reached = Form.useWatch('reached', form);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = shanghaiDate(new Date());
  const submit = async (values: AnswerForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const body: Schemas['AnswerCallbackDto'] = {
        reached: values.reached,
        calledOn: values.calledOn,
        ...(values.spokeWith?.trim() && { spokeWith: values.spokeWith.trim() }),
        ...(values.reached && values.satisfaction && { satisfaction: values.satisfaction }),
        ...(values.note?.trim() && { note: values.note.trim() }),
      };
      await unwrap(api.POST('/cases/{caseId}/callbacks/{callbackId}/answer', { params: { path: { caseId: callback.caseId, callbackId: callback.id } }, body }));
      refreshCallbacks(queryClient, callback.caseId);
      void message.success(t.recorded);
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['reached', 'spokeWith', 'satisfaction', 'note', 'calledOn']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t.recordTitle(callback.caseNumber)} okText={t.record} cancelText={m.common.cancel} onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ reached: true, calledOn: today }}>
        <Form.Item name="reached" label={t.reached}>
          <Radio.Group options={[{ value: true, label: t.reachedYes }, { value: false, label: t.reachedNo }]} />
        </Form.Item>
        {reached !== false && (
          <>
            <Form.Item name="spokeWith" label={t.spokeWith}>
              <Input placeholder={t.spokeWithHint} aria-label={t.spokeWith} />
            </Form.Item>
            <Form.Item name="satisfaction" label={t.howSatisfied} rules={[{ required: true, message: t.howSatisfied }]}>
              <Radio.Group options={(['satisfied', 'basically_satisfied', 'not_satisfied'] as const).map((value) => ({ value, label: t.satisfaction[value] }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t.note}>
          <Input.TextArea rows={2} aria-label={t.note} />
        </Form.Item>
        <Form.Item name="calledOn" label={t.calledOn} rules={[{ required: true, message: t.calledOn }]}>
          <DateInput label={t.calledOn} min={callback.closedOn} max={today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FollowUpDialog({ callback, onClose }: { callback: Callback; onClose(): void }) {
  const m = useTexts();
  const t = m.callbacks;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ note }: { note: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/cases/{caseId}/callbacks/{callbackId}/follow-up', { params: { path: { caseId: callback.caseId, callbackId: callback.id } }, body: { note: note.trim() } }));
      refreshCallbacks(queryClient, callback.caseId);
      void message.success(t.followedUp);
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['note']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t.followUpTitle} okText={t.followUp} cancelText={m.common.cancel} onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <p>
        {callback.caseNumber}：{callback.note ?? t.satisfaction.not_satisfied}
      </p>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="note" label={t.followUpNote} rules={[{ required: true, whitespace: true, message: t.followUpNote }]}>
          <Input.TextArea rows={3} placeholder={t.followUpHint} aria-label={t.followUpNote} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** For leaders: the answers "not satisfied" of their scope that nobody has followed up; nothing when none waits. */
export function UnsatisfiedCallbacks() {
  const m = useTexts();
  const { user } = useSession();
  const unsatisfied = useQuery({
    queryKey: ['callbacks-unsatisfied'],
    queryFn: () => unwrap(api.GET('/callbacks/unsatisfied')),
    enabled: user?.permissions.includes('callbacks.follow_up') ?? false,
  });
  if (!unsatisfied.data || unsatisfied.data.length === 0) return null;
  return (
    <section className="report-panel" aria-label={m.callbacks.unsatisfiedTitle} data-testid="unsatisfied-callbacks">
      <h2 style={{ fontSize: 16, margin: '0 0 4px' }}>
        {m.callbacks.unsatisfiedTitle} <ColourTag colour="red">{m.callbacks.unsatisfiedCount(unsatisfied.data.length)}</ColourTag>
      </h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {unsatisfied.data.map((callback) => (
          <CallbackItem key={callback.id} callback={callback} showCase />
        ))}
      </ul>
    </section>
  );
}

type Grouping = 'organisation' | 'mediator' | 'lawyer';

/** 回访率 and 满意率 of the period and organisation the dashboard shows, in all and per organisation, mediator or lawyer. */
export function CallbackRates({ query }: { query: ReportQuery }) {
  const m = useTexts();
  const t = m.callbacks;
  const [by, setBy] = useState<Grouping>('organisation');
  const report = useQuery({
    queryKey: ['callback-rates', query, by],
    // asked without a format, the report answers JSON (its type also allows the spreadsheet's text)
    queryFn: async () => (await unwrap(api.GET('/reports/callbacks', { params: { query: { ...query, by } } }))) as Schemas['CallbackReportView'],
  });
  const data = report.data;
  if (!data) return null;
  return (
    <section className="report-panel" aria-label={t.rates} data-testid="callback-rates">
      <h2 style={{ fontSize: 16, margin: '0 0 4px' }}>{t.rates}</h2>
      <p style={{ margin: '0 0 8px', color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>{t.ratesIntro}</p>
      {data.total.due === 0 ? (
        <p>{t.noCallbacks}</p>
      ) : (
        <>
          <Space size={32} wrap style={{ marginBottom: 8 }}>
            <div>
              <div style={{ fontSize: 13 }}>{t.callbackRate}</div>
              <div style={{ fontSize: 22 }} data-figure="callback-rate">{percent(data.total.callbackRate)}</div>
            </div>
            <div>
              <div style={{ fontSize: 13 }}>{t.satisfactionRate}</div>
              <div style={{ fontSize: 22 }} data-figure="satisfaction-rate">{percent(data.total.satisfactionRate)}</div>
            </div>
          </Space>
          <div>
            <Segmented<Grouping>
              value={by}
              onChange={setBy}
              options={[
                { value: 'organisation', label: t.byOrganisation },
                { value: 'mediator', label: t.byMediator },
                { value: 'lawyer', label: t.byLawyer },
              ]}
            />
          </div>
          <Table<Schemas['CallbackFiguresView']>
            rowKey={(row) => row.key ?? 'none'}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.items}
            style={{ marginTop: 8 }}
            columns={[
              { title: t.name, key: 'name', render: (_, row) => row.label ?? t.none },
              { title: t.dueCount, dataIndex: 'due', key: 'due', align: 'right' },
              { title: t.reachedCount, dataIndex: 'reached', key: 'reached', align: 'right' },
              { title: t.notSatisfiedCount, dataIndex: 'notSatisfied', key: 'notSatisfied', align: 'right' },
              { title: t.callbackRate, key: 'callbackRate', align: 'right', render: (_, row) => percent(row.callbackRate) },
              { title: t.satisfactionRate, key: 'satisfactionRate', align: 'right', render: (_, row) => percent(row.satisfactionRate) },
            ]}
          />
        </>
      )}
    </section>
  );
}
