import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';

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

  const submit = async (credentials: Credentials) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await unwrap(api.POST('/auth/login', { body: credentials }));
      const { user } = answer;
      // the login page then goes on to where the user was sent from; over a page, the page goes on
      signIn({ accessToken: answer.accessToken, refreshToken: answer.refreshToken, user });
      onDone?.();
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
