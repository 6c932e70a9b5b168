import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';
import { homeOf } from '../routes';

interface Credentials {
  username: string;
  password: string;
}

/** The login form, also shown over a page whose session ended (then `onDone` keeps the user there). */
export function LoginForm({ onDone }: { onDone?: () => void }) {
  const m = useMessages();
  const { signIn } = useSession();
  const [form] = Form.useForm<Credentials>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;

  const submit = async (credentials: Credentials) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await unwrap(api.POST('/auth/login', { body: credentials }));
      const user = answer.user;
      signIn({ accessToken: answer.accessToken, refreshToken: answer.refreshToken, user });
      if (onDone) onDone();
      else void navigate(user.mustChangePassword ? '/password' : (from ?? homeOf(user)), { replace: true });
    } catch (error) {
      setProblem(showApiErrors(form, error, m, ['username', 'password']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="username" label={m.auth.username} rules={[{ required: true, message: m.auth.username }]}>
        <Input autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item name="password" label={m.auth.password} rules={[{ required: true, message: m.auth.password }]}>
        <Input.Password autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {m.auth.login}
      </Button>
    </Form>
  );
}
