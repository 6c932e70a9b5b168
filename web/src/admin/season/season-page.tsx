import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, Schemas, unwrap } from '../../common/api/client';
import { showApiErrors } from '../../common/forms';
import { DateInput } from '../../common/format/date-input';
import { useMessagesWith } from '../../common/i18n/i18n';
import { seasonMessages } from './season.messages';
import { useToast } from '../../common/layout/toast';

type SeasonForm = Schemas['SeasonDto'];
const FIELDS = ['startsOn', 'endsOn', 'targets'];

/** The winter campaign of a festival year (in the address): its window and its targets. */
export default function SeasonPage() {
  const all = useMessagesWith({ adminSeason: seasonMessages });
  const m = all.adminSeason;
  const [params, setParams] = useSearchParams();
  const current = useQuery({ queryKey: ['season'], queryFn: () => unwrap(api.GET('/season')) });
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : current.data?.festivalYear;
  const choose = (next: number) => setParams((now) => ({ ...Object.fromEntries(now), year: String(next) }));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {m.title}
        </Typography.Title>
        {year && (
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={m.previousYear} onClick={() => choose(year - 1)} />
            <span className="season-year" style={{ display: 'inline-flex', alignItems: 'center', padding: '0 16px', border: '1px solid #d9d9d9', borderInline: 0, background: '#fff', fontWeight: 600 }}>
              {m.festivalYear} {year}
            </span>
            <Button icon={<RightOutlined />} aria-label={m.nextYear} onClick={() => choose(year + 1)} />
          </Space.Compact>
        )}
      </div>
      <Typography.Text type="secondary">{m.intro}</Typography.Text>
      {current.data && current.data.festivalYear === year && (
        <Alert type="info" title={m.current(current.data.festival, current.data.eve, current.data.daysToEve)} />
      )}
      {current.error && <Alert type="error" showIcon role="alert" title={all.common.loadFailed} />}
      {year ? <SeasonEditor key={year} year={year} configured={current.data?.festivalYear === year ? current.data.configured : undefined} /> : !current.error && <Spin />}
    </div>
  );
}

function SeasonEditor({ year, configured }: { year: number; configured: boolean | undefined }) {
  const all = useMessagesWith({ adminSeason: seasonMessages });
  const m = all.adminSeason;
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SeasonForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const settings = useQuery({
    queryKey: ['seasons', year],
    queryFn: () => unwrap(api.GET('/seasons/{festivalYear}', { params: { path: { festivalYear: year } } })),
  });
  if (settings.error) return <Alert type="error" showIcon role="alert" title={all.common.loadFailed} />;
  if (!settings.data) return <Spin />;

  const save = async (values: SeasonForm) => {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.PUT('/seasons/{festivalYear}', { params: { path: { festivalYear: year } }, body: { ...values, targets: values.targets ?? [] } }));
      await queryClient.invalidateQueries({ queryKey: ['seasons', year] });
      // the countdown and the next target everywhere are read from the current season
      void queryClient.invalidateQueries({ queryKey: ['season'] });
      void message.success(m.saved);
    } catch (error) {
      setProblem(showApiErrors(form, error, all, FIELDS));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const required = [{ required: true, message: m.required }];
  return (
    <Form form={form} layout="vertical" initialValues={settings.data} onFinish={(values) => void save(values)} disabled={busy}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {configured === false && <Alert type="warning" showIcon title={m.notConfigured} />}
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{m.window}</h2>}>
          <Space wrap size={16}>
            <Form.Item name="startsOn" label={m.startsOn} rules={required} style={{ marginBottom: 0 }}>
              <DateInput label={m.startsOn} />
            </Form.Item>
            <Form.Item name="endsOn" label={m.endsOn} rules={required} extra={m.endsOnHelp} style={{ marginBottom: 0 }}>
              <DateInput label={m.endsOn} />
            </Form.Item>
          </Space>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{m.targets}</h2>}>
          <Form.List name="targets">
            {(targets, { add, remove }) => (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {targets.length === 0 && <Typography.Text type="secondary">{m.noTargets}</Typography.Text>}
                {targets.map((target, i) => (
                  <div key={target.key} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px', alignItems: 'flex-start', borderBottom: '1px solid #f0f0f0', paddingBottom: 4 }}>
                    <Form.Item name={[target.name, 'name']} label={`${m.targetName} ${i + 1}`} rules={required} style={{ flex: '1 1 240px', minWidth: 0, marginBottom: 8 }}>
                      <Input placeholder={m.targetNamePlaceholder} maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[target.name, 'on']} label={m.targetOn} rules={required} style={{ marginBottom: 8 }}>
                      <DateInput label={`${m.targetName} ${i + 1} ${m.targetOn}`} />
                    </Form.Item>
                    <Form.Item name={[target.name, 'appliesTo']} label={m.appliesTo} rules={required} style={{ marginBottom: 8 }}>
                      <Select style={{ width: 150 }} options={Object.entries(m.scopes).map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(target.name)} style={{ marginTop: 30 }}>
                      {m.removeTarget}
                    </Button>
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', on: undefined, appliesTo: 'verified_cases' })} style={{ alignSelf: 'flex-start' }}>
                  {m.addTarget}
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m.save}
        </Button>
      </Space>
    </Form>
  );
}
