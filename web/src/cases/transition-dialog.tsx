import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { DateInput } from '../common/format/date-input';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessages } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { caseKey } from './use-case';

interface MoveForm {
  on?: string;
  outcome?: 'paid_in_full' | 'partly_paid';
  reason?: string;
  referredTo?: string;
  note?: string;
}

/**
 * A move of the status machine, with what that move needs (an outcome to close, a reason to reject or
 * withdraw, where a case is referred). The server decides: a refused move shows its reason here.
 */
export default function TransitionDialog({ theCase, to, onClose }: { theCase: Schemas['CaseView']; to: string | null; onClose(): void }) {
  const m = useMessages();
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MoveForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const today = shanghaiDate(new Date());
  if (!to) return null;
  const label = m.status[to] ?? to;

  const submit = async (values: MoveForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const moved = await unwrap(
        api.POST('/cases/{id}/transitions', {
          params: { path: { id: theCase.id } },
          body: { to: to as Schemas['TransitionDto']['to'], version: theCase.version, ...values },
        }),
      );
      queryClient.setQueryData(caseKey(theCase.id), moved);
      void queryClient.invalidateQueries({ queryKey: ['case-events', theCase.id] });
      void message.success(m.casePage.moved);
      form.resetFields();
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['on', 'outcome', 'reason', 'referredTo', 'note']));
      void queryClient.invalidateQueries({ queryKey: caseKey(theCase.id) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={m.casePage.moveConfirm(label)}
      okText={m.common.confirm}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={m.casePage.refused} description={problem} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ on: today }}>
        {/* clerks record what happened yesterday or a season ago: the day it happened is what counts */}
        <Form.Item name="on" label={m.casePage.movedOn} rules={[{ required: true, message: m.casePage.movedOn }]}>
          <DateInput label={m.casePage.movedOn} min={theCase.intakeDate} max={today} />
        </Form.Item>
        {to === 'closed' && (
          <Form.Item name="outcome" label={m.casePage.outcome} rules={[{ required: true, message: m.casePage.outcome }]}>
            <Radio.Group options={[{ value: 'paid_in_full', label: m.outcome.paid_in_full }, { value: 'partly_paid', label: m.outcome.partly_paid }]} />
          </Form.Item>
        )}
        {to === 'referred' && (
          <Form.Item name="referredTo" label={m.casePage.referredTo} rules={[{ required: true, message: m.casePage.referredTo }]}>
            <Radio.Group options={[{ value: 'labour_inspection', label: m.casePage.labourInspection }, { value: 'police', label: m.casePage.police }]} />
          </Form.Item>
        )}
        {to === 'rejected' && (
          <Form.Item name="referredTo" label={m.casePage.sentTo}>
            <Input />
          </Form.Item>
        )}
        {(to === 'rejected' || to === 'withdrawn' || (to === 'closed' && outcome === 'partly_paid')) && (
          <Form.Item name="reason" label={m.casePage.reason} rules={[{ required: true, message: m.casePage.reason }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item name="note" label={m.casePage.note}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
