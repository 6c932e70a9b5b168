import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../common/i18n/i18n';
import { FestivalCountdown } from '../common/layout/desk-shell';

/** Leaders' and administrators' home until their dashboard arrives (the next web issue). */
export default function LeaderHome() {
  const m = useMessages();
  return (
    <Result
      status="info"
      title={m.home.placeholderTitle}
      subTitle={m.home.placeholderBody}
      extra={[
        <FestivalCountdown key="countdown" />,
        <Link key="cases" to="/cases">
          <Button type="primary">{m.nav.cases}</Button>
        </Link>,
      ]}
    />
  );
}
