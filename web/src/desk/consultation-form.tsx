import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { deskMessages } from './desk.messages';
import { useToast } from '../common/layout/toast';
import { deskKeys } from './desk-queries';
import { EmployerNamed, EmployerNameInput } from './employer-inputs';
import { integerOrAsTyped, useRecordForm } from './submit-once';

type Dto = Schemas['ConsultationDto'];
const CHANNELS: Dto['channel'][] = ['walk_in', 'hotline_12351', 'phone', 'online', 'outreach_visit'];
const TOPICS: Dto['topic'][] = ['unpaid_wages', 'unpaid_labour_fees', 'no_written_contract', 'work_injury', 'social_insurance', 'dismissal', 'other'];

interface Values {
  workerName?: string;
  channel: Dto['channel'];
  topic: Dto['topic'];
  /** named like the API's field, so its errors land here; the id of a picked employer rides along */
  employerName?: EmployerNamed;
  advice?: string;
  durationMinutes?: string;
  followUpNeeded: boolean;
}
const INITIAL: Values = { channel: 'walk_in', topic: 'unpaid_wages', followUpNeeded: false };
// on a desk the cursor waits in the form; on a phone the keyboard would cover the page at once
const WIDE_SCREEN = window.matchMedia('(min-width: 768px)').matches;
// employerId is not a field of its own: its rare error (an employer removed meanwhile) is said above the form
const FIELDS = ['workerName', 'channel', 'topic', 'employerName', 'advice', 'durationMinutes', 'followUpNeeded'];

/**
 * A consultation in under a minute, by keyboard: Tab from field to field, arrows in the choices, Enter
 * (Ctrl+Enter in the advice) saves. The API checks everything and its words appear at the fields;
 * after a save the form is empty again and the cursor back in its first field, for the next worker.
 */
export function ConsultationForm({ organisationId }: { organisationId: string | undefined }) {
  const m = useMessagesWith({ desk: deskMessages });
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { problem, busy, record } = useRecordForm(form, 'workerName', FIELDS);
  const employer = Form.useWatch('employerName', form);

  const submit = async (values: Values) => {
    if (!organisationId) return;
    const body = {
      organisationId,
      channel: values.channel,
      topic: values.topic,
      workerName: values.workerName?.trim() || undefined,
      employerId: values.employerName?.id,
      employerName: values.employerName?.name.trim() || undefined,
      advice: values.advice?.trim() || undefined,
      durationMinutes: integerOrAsTyped(values.durationMinutes),
      followUpNeeded: values.followUpNeeded,
      // what is missing or wrong is left for the API to say, at its field
    } as Dto;
    await record(
      (keyOf) => unwrap(api.POST('/consultations', { body, headers: { 'Idempotency-Key': keyOf(body) } })),
      () => {
        void message.success(m.desk.consultation.saved);
        void queryClient.invalidateQueries({ queryKey: deskKeys.consultations });
      },
    );
  };

  return (
    <Form<Values> form={form} name="consultation" layout="vertical" initialValues={INITIAL} onFinish={submit} requiredMark={false}>
      {problem && <Alert type="error" showIcon role="alert" title={m.desk.consultation.refused} description={problem} style={{ marginBottom: 12 }} />}
      <Form.Item name="workerName" label={m.desk.consultation.workerName} extra={m.desk.consultation.workerNameHelp}>
        <Input autoComplete="off" autoFocus={WIDE_SCREEN} />
      </Form.Item>
      <Form.Item name="channel" label={m.desk.consultation.channel}>
        <Radio.Group aria-label={m.desk.consultation.channel} options={CHANNELS.map((value) => ({ value, label: m.desk.channel[value] }))} />
      </Form.Item>
      <Form.Item name="topic" label={m.desk.consultation.topic}>
        <Radio.Group aria-label={m.desk.consultation.topic} options={TOPICS.map((value) => ({ value, label: m.desk.topic[value] }))} />
      </Form.Item>
      <Form.Item
        name="employerName"
        label={m.desk.consultation.employer}
        extra={employer?.id ? m.desk.consultation.employerPicked : employer?.name ? m.desk.consultation.employerFree : m.desk.consultation.employerHelp}
      >
        <EmployerNameInput />
      </Form.Item>
      <Form.Item name="advice" label={m.desk.consultation.advice} extra={m.desk.consultation.adviceHelp}>
        <Input.TextArea
          rows={3}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              form.submit();
            }
          }}
        />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 24px', alignItems: 'flex-end' }}>
        <Form.Item name="durationMinutes" label={m.desk.consultation.duration}>
          <Input type="number" inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="followUpNeeded" valuePropName="checked">
          <Checkbox>{m.desk.consultation.followUp}</Checkbox>
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={busy} disabled={!organisationId}>
        {m.desk.consultation.save}
      </Button>
    </Form>
  );
}
