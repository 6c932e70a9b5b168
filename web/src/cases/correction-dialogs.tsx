import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, idempotencyKey, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { DateInput } from '../common/format/date-input';
import { formatYuan } from '../common/money';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessagesWith } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { correctionsMessages } from './corrections.messages';
import { CorrectionSummary } from './payout-corrections';
import { heldMoneyMessages } from './held-money.messages';
import { caseKey } from './use-case';

type Correction = Schemas['PayoutCorrectionView'];

/** Everything on the case page a correction's decision moves: the money, the ledger, the instalments, the clocks, the timeline. */
export function refreshAfterCorrection(queryClient: ReturnType<typeof useQueryClient>, caseId: string): void {
  for (const key of [caseKey(caseId), ['payouts', caseId], ['payout-corrections', caseId], ['agreement', caseId], ['deadlines', caseId], ['case-events', caseId], ['pending-corrections']]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

interface RequestForm {
  action: 'replace' | 'void';
  claimId?: string;
  amount?: string;
  paidOn?: string;
  receiptReference?: string;
  reason: string;
}

/** Asks for a payout to be corrected: voided, or replaced by what was really paid. Nothing moves until someone else approves. */
export function RequestCorrectionDialog({ caseId, intakeDate, payout, onClose }: { caseId: string; intakeDate: string; payout: Schemas['PayoutView']; onClose(): void }) {
  const m = useMessagesWith({ corrections: correctionsMessages });
  const t = m.corrections;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RequestForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState('');
  const [key] = useState(idempotencyKey);
  const action = Form.useWatch('action', form);
  const today = shanghaiDate(new Date());
  // a case may have a thousand workers: the picker asks the server, by name, for at most fifty
  const claims = useQuery({
    queryKey: ['claims-picker', caseId, search],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/claims', { params: { path: { caseId }, query: { q: search || undefined, pageSize: 50 } } })),
    enabled: action === 'replace',
  });
  const options = [
    { value: payout.claimId, label: payout.workerName },
    ...(claims.data?.items ?? []).filter((claim) => claim.id !== payout.claimId).map((claim) => ({ value: claim.id, label: `${claim.worker.name}（${m.cases.outstanding} ¥${formatYuan(claim.amountOutstanding)}）` })),
  ];

  const submit = async (values: RequestForm) => {
    setBusy(true);
    setProblem(null);
    const body: Schemas['RequestCorrectionDto'] =
      values.action === 'void'
        ? { action: 'void', reason: values.reason }
        : {
            action: 'replace',
            reason: values.reason,
            // only what differs from the payout as recorded
            ...(values.claimId && values.claimId !== payout.claimId && { claimId: values.claimId }),
            ...(values.amount && values.amount !== payout.amount && { amount: values.amount.trim() }),
            ...(values.paidOn && values.paidOn !== payout.paidOn && { paidOn: values.paidOn }),
            ...(values.receiptReference?.trim() && { receiptReference: values.receiptReference.trim() }),
          };
    try {
      await unwrap(
        api.POST('/cases/{caseId}/payouts/{payoutId}/corrections', {
          params: { path: { caseId, payoutId: payout.id } },
          body,
          headers: { 'Idempotency-Key': key },
        }),
      );
      refreshAfterCorrection(queryClient, caseId);
      void message.success(t.sent);
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['action', 'claimId', 'amount', 'paidOn', 'receiptReference', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t.askTitle(payout.workerName, payout.amount, payout.paidOn)}
      okText={t.ask}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t.explain} style={{ marginBottom: 12 }} />
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{ action: 'replace', claimId: payout.claimId, amount: payout.amount, paidOn: payout.paidOn }}
      >
        <Form.Item name="action" label={t.action}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={[
              { value: 'replace', label: t.replace },
              { value: 'void', label: t.void },
            ]}
          />
        </Form.Item>
        {action !== 'void' && (
          <>
            <Form.Item name="claimId" label={t.worker}>
              <Select showSearch={{ filterOption: false, onSearch: (text) => setSearch(text.trim()) }} options={options} loading={claims.isFetching} aria-label={t.worker} />
            </Form.Item>
            <Form.Item name="amount" label={t.amount} rules={[{ required: true, message: t.amount }]}>
              <Input inputMode="decimal" aria-label={t.amount} />
            </Form.Item>
            <Form.Item name="paidOn" label={t.paidOn} rules={[{ required: true, message: t.paidOn }]}>
              <DateInput label={t.paidOn} min={intakeDate} max={today} />
            </Form.Item>
            <Form.Item name="receiptReference" label={t.receipt}>
              <Input aria-label={t.receipt} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t.reason} rules={[{ required: true, whitespace: true, message: t.reason }]}>
          <Input.TextArea rows={2} placeholder={t.reasonHint} aria-label={t.reason} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Approves or rejects someone else's correction; rejecting says why. */
export function DecideCorrectionDialog({ correction, decision, onClose }: { correction: Correction; decision: 'approve' | 'reject'; onClose(): void }) {
  const m = useMessagesWith({ corrections: correctionsMessages });
  const t = m.corrections;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    setProblem(null);
    const path = { caseId: correction.caseId, correctionId: correction.id };
    try {
      if (decision === 'approve') {
        await unwrap(api.POST('/cases/{caseId}/payout-corrections/{correctionId}/approve', { params: { path }, body: note?.trim() ? { note: note.trim() } : {} }));
      } else {
        await unwrap(api.POST('/cases/{caseId}/payout-corrections/{correctionId}/reject', { params: { path }, body: { note: note ?? '' } }));
      }
      refreshAfterCorrection(queryClient, correction.caseId);
      void message.success(decision === 'approve' ? t.approvedDone : t.rejectedDone);
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['note']));
      refreshAfterCorrection(queryClient, correction.caseId);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={decision === 'approve' ? t.approveTitle : t.rejectTitle}
      okText={decision === 'approve' ? t.approve : t.reject}
      okButtonProps={{ danger: decision === 'reject' }}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <CorrectionSummary correction={correction} />
      {decision === 'approve' && <Alert type="warning" showIcon title={t.approveExplain} style={{ margin: '12px 0' }} />}
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="note"
          label={t.note}
          rules={decision === 'reject' ? [{ required: true, whitespace: true, message: t.noteRequired }] : []}
        >
          <Input.TextArea rows={2} aria-label={t.note} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Hands money held for a worker (代管) over to him: the day, how, and the receipt he signed. */
export function HandoverDialog({ caseId, payout, onClose }: { caseId: string; payout: Schemas['PayoutView']; onClose(): void }) {
  const m = useMessagesWith({ heldMoney: heldMoneyMessages });
  const t = m.heldMoney;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Schemas['HandoverDto']>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(idempotencyKey);
  const today = shanghaiDate(new Date());
  const submit = async (values: Schemas['HandoverDto']) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/cases/{caseId}/payouts/{payoutId}/handover', {
          params: { path: { caseId, payoutId: payout.id } },
          body: { ...values, receiptReference: values.receiptReference?.trim() || undefined },
          headers: { 'Idempotency-Key': key },
        }),
      );
      refreshAfterCorrection(queryClient, caseId);
      void queryClient.invalidateQueries({ queryKey: ['held-money'] });
      void message.success(t.handedOverDone);
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['handedOverOn', 'channel', 'receiptReference']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t.handOverTitle(payout.workerName, payout.amount)} okText={t.handOver} cancelText={m.common.cancel} onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ handedOverOn: today, channel: 'cash_with_signature' }}>
        <Form.Item name="handedOverOn" label={t.handedOverOn} rules={[{ required: true, message: t.handedOverOn }]}>
          <DateInput label={t.handedOverOn} min={payout.paidOn} max={today} />
        </Form.Item>
        <Form.Item name="channel" label={t.channel}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={(['cash_with_signature', 'bank_transfer', 'dedicated_wage_account'] as const).map((value) => ({ value, label: m.payoutChannel[value] ?? value }))}
          />
        </Form.Item>
        <Form.Item name="receiptReference" label={t.receipt}>
          <Input aria-label={t.receipt} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
