import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Choose a new password; asked for at once after logging in with one an administrator set. */
export default function ChangePasswordPage() {
  const m = useMessages();
  const { user, signOut } = useSession();
  const message = useToast();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordChange>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: PasswordChange) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      // Every session of the user ends with the change: log in again with the new password.
      signOut();
      void message.success(m.auth.passwordChanged);
      void navigate('/login', { replace: true });
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 440, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {m.auth.changePassword}
      </Typography.Title>
      {user?.mustChangePassword && <Alert type="warning" title={m.auth.mustChange} showIcon style={{ marginBottom: 16 }} />}
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
        <Form.Item name="currentPassword" label={m.auth.currentPassword} rules={[{ required: true, message: m.auth.currentPassword }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={m.auth.newPassword} extra={m.auth.passwordHint} rules={[{ required: true, message: m.auth.newPassword }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={m.auth.repeatPassword}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: m.auth.repeatPassword },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(m.auth.passwordsDiffer))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m.common.save}
        </Button>
      </Form>
    </Card>
  );
}
