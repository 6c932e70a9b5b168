import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useRef, useState } from 'react';
import { api, Schemas, unwrap } from '../common/api/client';
import { DateInput } from '../common/format/date-input';
import { useMessagesWith } from '../common/i18n/i18n';
import { deskMessages } from './desk.messages';
import { useToast } from '../common/layout/toast';
import { deskKeys, shanghaiToday } from './desk-queries';
import { RegisteredEmployerSelect } from './employer-inputs';
import { integerOrAsTyped, useRecordForm } from './submit-once';

type Dto = Schemas['OutreachVisitDto'];
type Finding = Dto['wageSheets'];
type FindingOrNa = Dto['dedicatedWageAccount'];
const FINDINGS: Finding[] = ['in_order', 'incomplete', 'missing'];
const FINDINGS_OR_NA: FindingOrNa[] = ['in_order', 'incomplete', 'missing', 'not_applicable'];
const CHECKS = ['wageSheets', 'dedicatedWageAccount', 'guaranteeDeposit', 'realNameRecords'] as const;

interface Values {
  visitedOn?: string;
  employerId?: string;
  site?: string;
  workersReached?: string;
  wageSheets?: Finding;
  dedicatedWageAccount?: FindingOrNa;
  guaranteeDeposit?: FindingOrNa;
  realNameRecords?: FindingOrNa;
  arrearsFound: boolean;
  estimatedWorkers?: string;
  estimatedAmount?: string;
  findings?: string;
}
const FIELDS = ['visitedOn', 'employerId', 'site', 'workersReached', ...CHECKS, 'arrearsFound', 'estimatedWorkers', 'estimatedAmount', 'findings'];

/**
 * An outreach visit (送法进企业) and what was found about wage payment. Arrears found raise an early
 * warning, which the answer carries and the list beside shows. The four checks have no default: what
 * was not looked at must not read as "in order".
 */
export function VisitForm({ organisationId }: { organisationId: string | undefined }) {
  const m = useMessagesWith({ desk: deskMessages });
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { problem, busy, record } = useRecordForm(form, 'visitedOn', FIELDS);
  // the employer of the warning just raised (the message is drawn in the language on screen)
  const [raised, setRaised] = useState<string | null>(null);
  const employerName = useRef<string | undefined>(undefined);
  const arrearsFound = Form.useWatch('arrearsFound', form);

  const submit = async (values: Values) => {
    if (!organisationId) return;
    const body = {
      organisationId,
      visitedOn: values.visitedOn,
      employerId: values.employerId,
      site: values.site?.trim() || undefined,
      workersReached: integerOrAsTyped(values.workersReached),
      wageSheets: values.wageSheets,
      dedicatedWageAccount: values.dedicatedWageAccount,
      guaranteeDeposit: values.guaranteeDeposit,
      realNameRecords: values.realNameRecords,
      arrearsFound: values.arrearsFound,
      estimatedWorkers: values.arrearsFound ? integerOrAsTyped(values.estimatedWorkers) : undefined,
      estimatedAmount: values.arrearsFound ? values.estimatedAmount?.trim() || undefined : undefined,
      findings: values.findings?.trim() || undefined,
      // what is missing or wrong is left for the API to say, at its field
    } as Dto;
    await record(
      (keyOf) => {
        setRaised(null);
        return unwrap(api.POST('/outreach-visits', { body, headers: { 'Idempotency-Key': keyOf(body) } }));
      },
      (logged) => {
        // the visit's answer names no employer (only the list of warnings does): the name picked is used
        if (logged.earlyWarning) setRaised(employerName.current ?? '');
        void message.success(m.desk.visit.saved);
        void queryClient.invalidateQueries({ queryKey: deskKeys.allWarnings });
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      name="visit"
      layout="vertical"
      initialValues={{ visitedOn: shanghaiToday(), arrearsFound: false }}
      onFinish={submit}
      requiredMark={false}
    >
      {problem && <Alert type="error" showIcon role="alert" title={m.desk.visit.refused} description={problem} style={{ marginBottom: 12 }} />}
      {raised !== null && <Alert type="warning" showIcon role="status" title={m.desk.visit.warningRaised(raised)} style={{ marginBottom: 12 }} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
        <Form.Item name="visitedOn" label={m.desk.visit.visitedOn}>
          <DateInput label={m.desk.visit.visitedOn} />
        </Form.Item>
        <Form.Item name="workersReached" label={m.desk.visit.workersReached}>
          <Input type="number" inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
      </div>
      <Form.Item name="employerId" label={m.desk.visit.employer} extra={m.desk.visit.employerHelp}>
        <RegisteredEmployerSelect onPicked={(name) => (employerName.current = name)} />
      </Form.Item>
      <Form.Item name="site" label={m.desk.visit.site}>
        <Input autoComplete="off" />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 24px' }}>
        {CHECKS.map((check) => (
          <Form.Item key={check} name={check} label={m.desk.visit[check]} style={{ flex: '1 1 200px' }}>
            <Radio.Group
              aria-label={m.desk.visit[check]}
              options={(check === 'wageSheets' ? FINDINGS : FINDINGS_OR_NA).map((value) => ({ value, label: m.desk.finding[value] }))}
            />
          </Form.Item>
        ))}
      </div>
      <Form.Item name="arrearsFound" valuePropName="checked">
        <Checkbox>{m.desk.visit.arrearsFound}</Checkbox>
      </Form.Item>
      {arrearsFound && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
          <Form.Item name="estimatedWorkers" label={m.desk.visit.estimatedWorkers}>
            <Input type="number" inputMode="numeric" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="estimatedAmount" label={m.desk.visit.estimatedAmount}>
            <Input inputMode="decimal" autoComplete="off" style={{ width: 180 }} />
          </Form.Item>
        </div>
      )}
      <Form.Item name="findings" label={m.desk.visit.findings}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} disabled={!organisationId}>
        {m.desk.visit.save}
      </Button>
    </Form>
  );
}
