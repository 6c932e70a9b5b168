import { Modal, Typography } from 'antd';
import { LoginForm } from '../../auth/login-form';
import { useMessages } from '../i18n/i18n';

/** The login, over the page whose session ended: what was typed there stays. Loaded only when needed. */
export default function ReloginDialog() {
  const m = useMessages();
  return (
    <Modal open title={m.auth.reloginTitle} footer={null} closable={false} mask={{ closable: false }}>
      <Typography.Paragraph>{m.auth.expired}</Typography.Paragraph>
      <LoginForm />
    </Modal>
  );
}
