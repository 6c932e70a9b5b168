import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, Schemas, unwrap } from '../../common/api/client';
import { showApiErrors } from '../../common/forms';
import { DateInput } from '../../common/format/date-input';
import { EmptyText } from '../../common/format/labels';
import { Money } from '../../common/format/money';
import { useMessagesWith } from '../../common/i18n/i18n';
import { thresholdsMessages } from './thresholds.messages';
import { useToast } from '../../common/layout/toast';
import { fenToYuan, yuanToFen } from '../../common/money';
import { PROVINCES } from '../../employers/provinces';
import { readSource, sourceText } from './threshold-source';
import './plain-table.css';

type Threshold = Schemas['CriminalThresholdView'];
const THRESHOLDS_KEY = ['criminal-thresholds'] as const;

interface ThresholdForm {
  individualAmount: string;
  groupAmount: string;
  document: string;
  date?: string;
}

/** The provinces' amounts of the crime of refusing to pay wages, with where they come from. */
export default function ThresholdsPage() {
  const all = useMessagesWith({ adminThresholds: thresholdsMessages });
  const m = all.adminThresholds;
  const [params, setParams] = useSearchParams();
  const thresholds = useQuery({ queryKey: THRESHOLDS_KEY, queryFn: () => unwrap(api.GET('/criminal-thresholds')) });
  const byProvince = new Map((thresholds.data ?? []).map((threshold) => [threshold.province, threshold]));
  const asked = params.get('province');
  const province = PROVINCES.find((name) => name === asked) ?? PROVINCES.find((name) => thresholds.data && !byProvince.has(name)) ?? PROVINCES[0];
  const choose = (next: string) => setParams((current) => ({ ...Object.fromEntries(current), province: next }));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {m.title}
      </Typography.Title>
      <Typography.Text type="secondary">{m.intro}</Typography.Text>
      {thresholds.error && <Alert type="error" showIcon role="alert" title={all.common.loadFailed} />}
      {thresholds.isPending && <Spin />}
      {thresholds.data && (
        <>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{m.editing(province)}</h2>}
            extra={
              <Select
                aria-label={m.province}
                value={province}
                onChange={choose}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 220, maxWidth: '45vw' }}
                options={PROVINCES.map((name) => ({ value: name, label: byProvince.has(name) ? name : `${name}（${m.notEntered}）` }))}
              />
            }
          >
            <ThresholdEditor key={`${province} ${byProvince.get(province)?.source}`} province={province} threshold={byProvince.get(province)} />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{m.entered(PROVINCES.filter((name) => byProvince.has(name)).length, PROVINCES.length)}</h2>}>
            <div className="plain-table-box">
              <table className="plain-table">
                <thead>
                  <tr>
                    <th scope="col">{m.province}</th>
                    <th scope="col" className="is-number">{m.individual}</th>
                    <th scope="col" className="is-number">{m.group}</th>
                    <th scope="col">{m.source}</th>
                    <th scope="col">{all.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {PROVINCES.map((name) => (
                    <ThresholdRow key={name} province={name} threshold={byProvince.get(name)} selected={name === province} onEdit={() => choose(name)} />
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}

function ThresholdRow({ province, threshold, selected, onEdit }: { province: string; threshold?: Threshold; selected: boolean; onEdit(): void }) {
  const all = useMessagesWith({ adminThresholds: thresholdsMessages });
  const m = all.adminThresholds;
  return (
    <tr className={selected ? 'is-selected' : undefined}>
      <th scope="row">{province}</th>
      <td className="is-number">{threshold ? <Money yuan={threshold.individualAmount} /> : <EmptyText>{m.notEntered}</EmptyText>}</td>
      <td className="is-number">{threshold && <Money yuan={threshold.groupAmount} />}</td>
      <td className="is-wide">{threshold?.source}</td>
      <td>
        <Button type="link" size="small" onClick={onEdit} aria-label={`${threshold ? m.edit : m.enter}：${province}`}>
          {threshold ? m.edit : m.enter}
        </Button>
      </td>
    </tr>
  );
}

function ThresholdEditor({ province, threshold }: { province: string; threshold?: Threshold }) {
  const all = useMessagesWith({ adminThresholds: thresholdsMessages });
  const m = all.adminThresholds;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ThresholdForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const source = readSource(threshold?.source ?? '');
  const initial: Partial<ThresholdForm> = threshold
    ? { individualAmount: threshold.individualAmount, groupAmount: threshold.groupAmount, document: source.document, date: source.date }
    : {};

  const save = async (values: ThresholdForm) => {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setProblem(null);
    try {
      // yuan typed → fen → the API's own "10000.00": exact, never through a floating-point number
      const body = {
        individualAmount: fenToYuan(yuanToFen(values.individualAmount)!),
        groupAmount: fenToYuan(yuanToFen(values.groupAmount)!),
        source: sourceText({ document: values.document, date: values.date }),
      };
      await unwrap(api.PUT('/criminal-thresholds/{province}', { params: { path: { province } }, body }));
      await queryClient.invalidateQueries({ queryKey: THRESHOLDS_KEY });
      void message.success(m.saved(province));
    } catch (error) {
      const rest = showApiErrors(form, error, all, ['individualAmount', 'groupAmount']);
      // the source is one field in the API and two here: its words go under the document
      const sourceProblems = error instanceof ApiError ? (error.body.errors ?? []).filter((each) => each.field === 'source') : [];
      form.setFields(sourceProblems.map((each) => ({ name: 'document', errors: [each.message] })));
      const others = error instanceof ApiError ? (error.body.errors ?? []).filter((each) => each.field && !['individualAmount', 'groupAmount', 'source'].includes(each.field)) : [];
      setProblem(sourceProblems.length > 0 && others.length === 0 ? null : rest);
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const amountRules = [
    { required: true, message: m.required },
    { validator: (_: unknown, value?: string) => (!value || yuanToFen(value) !== null ? Promise.resolve() : Promise.reject(new Error(m.badAmount))) },
  ];
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void save(values)} disabled={busy} style={{ maxWidth: 720 }}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
        <Form.Item name="individualAmount" label={m.individualAmount} extra={m.individualRange} rules={amountRules} style={{ flex: '1 1 260px' }}>
          <Input inputMode="decimal" suffix={all.common.yuan} />
        </Form.Item>
        <Form.Item name="groupAmount" label={m.groupAmount} extra={m.groupRange} rules={amountRules} style={{ flex: '1 1 260px' }}>
          <Input inputMode="decimal" suffix={all.common.yuan} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
        <Form.Item name="document" label={m.document} rules={[{ required: true, whitespace: true, message: m.required }]} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Input placeholder={m.documentPlaceholder} maxLength={280} />
        </Form.Item>
        <Form.Item name="date" label={m.date}>
          <DateInput label={m.date} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={busy}>
        {m.save}
      </Button>
    </Form>
  );
}
