import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, idempotencyKey, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';

type NewEmployer = Schemas['CreateEmployerDto'];
const KINDS: NewEmployer['kind'][] = ['company', 'project_owner', 'general_contractor', 'subcontractor', 'labour_subcontractor', 'individual_contractor'];
const INDUSTRIES: NonNullable<NewEmployer['industry']>[] = ['construction', 'landscaping', 'manufacturing', 'catering', 'logistics', 'property_services', 'retail', 'domestic_services', 'other'];

/**
 * Registers an employer not in the register yet. While the name is typed, employers with similar names
 * are shown: the same company is often typed twice with a word more or less, so one of them is offered
 * before a duplicate is made.
 */
export function NewEmployerDialog({
  open,
  onClose,
  onChosen,
  initialName,
}: {
  open: boolean;
  onClose(): void;
  onChosen(employer: { id: string; name: string }): void;
  /** The name someone else typed (a worker's online report), to start from; its similar names are offered at once. */
  initialName?: string;
}) {
  const m = useMessages();
  const [form] = Form.useForm<NewEmployer>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typedName, setTypedName] = useState(initialName?.trim() ?? '');
  const similar = useQuery({
    queryKey: ['employers-similar', typedName],
    queryFn: () => unwrap(api.GET('/employers/similar', { params: { query: { name: typedName } } })),
    enabled: typedName.length >= 4,
  });

  const register = async (employer: NewEmployer) => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await unwrap(api.POST('/employers', { body: employer, headers: { 'Idempotency-Key': idempotencyKey() } }));
      form.resetFields();
      onChosen(created);
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['name', 'creditCode', 'kind', 'industry']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={m.intake.newEmployer} onCancel={onClose} footer={null} destroyOnHidden>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={register} disabled={busy} initialValues={{ kind: 'company', name: initialName?.trim() }}>
        <Form.Item name="name" label={m.intake.employerName} rules={[{ required: true, message: m.intake.employerName }]}>
          <Input onBlur={(event) => setTypedName(event.target.value.trim())} />
        </Form.Item>
        {(similar.data?.length ?? 0) > 0 && (
          <Alert
            type="info"
            showIcon
            title={m.intake.similar}
            style={{ marginBottom: 12 }}
            description={
              <List
                size="small"
                dataSource={similar.data}
                renderItem={(employer) => (
                  <List.Item actions={[<Button key="use" size="small" onClick={() => onChosen(employer)}>{m.intake.useThis}</Button>]}>
                    {employer.name} {employer.creditCode ?? ''}
                  </List.Item>
                )}
              />
            }
          />
        )}
        <Form.Item name="creditCode" label={m.intake.creditCode}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="kind" label={m.intake.employerKind}>
          <Select options={KINDS.map((kind) => ({ value: kind, label: m.intake.kinds[kind] }))} />
        </Form.Item>
        <Form.Item name="industry" label={m.intake.industry}>
          <Select allowClear options={INDUSTRIES.map((industry) => ({ value: industry, label: m.intake.industries[industry] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {(similar.data?.length ?? 0) > 0 ? m.intake.registerAnyway : m.intake.newEmployer}
        </Button>
      </Form>
    </Modal>
  );
}
