import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../common/i18n/i18n';

export default function NotFoundPage() {
  const m = useMessages();
  return (
    <Result
      status="404"
      title={m.common.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{m.common.goHome}</Button>
        </Link>
      }
    />
  );
}
