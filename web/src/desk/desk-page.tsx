import { Card, Typography } from 'antd';
import { useMessages } from '../common/i18n/i18n';

/** The on-duty lawyer's home: who is on duty, consultations of the day, outreach visits. */
export default function DeskPage() {
  const m = useMessages();
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {m.desk.title}
      </Typography.Title>
    </Card>
  );
}
