import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Space, Switch, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { useMessagesWith } from '../common/i18n/i18n';
import { inboxMessages } from './inbox.messages';
import { useToast } from '../common/layout/toast';

type Channel = Schemas['Channel'];
const CHANNELS: readonly Channel[] = ['email', 'wecom', 'webhook'];
const CHANNELS_KEY = ['me', 'channels'];

/** Where the user's reminders go besides the inbox: one small form per channel, each with a test. */
export function ChannelSettings() {
  const m = useMessagesWith({ inboxPage: inboxMessages });
  const t = m.inboxPage.channels;
  const channels = useQuery({ queryKey: CHANNELS_KEY, queryFn: () => unwrap(api.GET('/me/channels')) });
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t.title}</Typography.Title>} loading={channels.isPending}>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.65)', marginTop: 0 }}>{t.intro}</Typography.Paragraph>
      {channels.error ? (
        <Alert type="error" showIcon role="alert" title={m.common.loadFailed} />
      ) : (
        <Row gutter={[16, 16]}>
          {CHANNELS.map((channel) => (
            <Col key={channel} xs={24} lg={8}>
              <ChannelForm channel={channel} saved={channels.data?.find((row) => row.channel === channel)} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

interface ChannelValues {
  address: string;
  enabled: boolean;
}

/**
 * One channel: its address, on or off, saved; "send a test" saves what was typed first (a test of the
 * old address would prove nothing), then has the server send a test message through it now and shows
 * the server's words when it could not. Each button sends once, however often it is clicked.
 */
function ChannelForm({ channel, saved }: { channel: Channel; saved: Schemas['NotificationChannelView'] | undefined }) {
  const m = useMessagesWith({ inboxPage: inboxMessages });
  const t = m.inboxPage.channels;
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChannelValues>();
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const sending = useRef(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `channel-${channel}`;

  const isUnsaved = (values: ChannelValues) => !saved || saved.address !== values.address.trim() || saved.enabled !== values.enabled;
  const save = async (values: ChannelValues) => {
    await unwrap(api.PUT('/me/channels/{channel}', { params: { path: { channel } }, body: { address: values.address.trim(), enabled: values.enabled } }));
    await queryClient.invalidateQueries({ queryKey: CHANNELS_KEY });
  };
  const run = async (action: 'save' | 'test') => {
    if (sending.current) return;
    let values: ChannelValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    sending.current = true;
    setBusy(action);
    setResult(null);
    try {
      if (action === 'save' || isUnsaved(values)) await save(values);
      if (action === 'save') {
        void toast.success(t.saved);
      } else {
        await unwrap(api.POST('/me/channels/{channel}/test', { params: { path: { channel } } }));
        setResult({ ok: true, text: t.testSent });
      }
    } catch (error) {
      const problem = showApiErrors(form, error, m, ['address', 'enabled']);
      if (problem) setResult({ ok: false, text: problem });
    } finally {
      sending.current = false;
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, height: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
        <Typography.Title level={3} id={`${id}-title`} style={{ fontSize: 15, marginTop: 0 }}>
          {t.names[channel]}
        </Typography.Title>
        {/* what is saved, whatever the form shows while being edited */}
        <span style={{ fontSize: 13, color: saved?.enabled ? '#237804' : 'rgba(0,0,0,0.65)' }} data-testid={`${id}-state`}>
          {!saved ? t.notSet : saved.enabled ? t.on : t.off}
        </span>
      </div>
      <Form<ChannelValues>
        form={form}
        name={id}
        layout="vertical"
        requiredMark={false}
        initialValues={{ address: saved?.address ?? '', enabled: saved?.enabled ?? true }}
        onFinish={() => void run('save')}
      >
        <Form.Item name="address" label={t.address[channel]} rules={[{ required: true, whitespace: true, message: t.saveFirst }]}>
          <Input placeholder={t.placeholder[channel]} inputMode={channel === 'email' ? 'email' : 'url'} autoComplete="off" />
        </Form.Item>
        <Form.Item name="enabled" label={t.enabled} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy === 'save'}>
            {t.save}
          </Button>
          <Button loading={busy === 'test'} onClick={() => void run('test')}>
            {t.test}
          </Button>
        </Space>
      </Form>
      {result && <Alert type={result.ok ? 'success' : 'error'} showIcon role={result.ok ? 'status' : 'alert'} title={result.text} style={{ marginTop: 12 }} />}
    </section>
  );
}
