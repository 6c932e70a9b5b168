import { Tag } from 'antd';
import { useMessages } from '../i18n/i18n';

const STATUS_COLOURS: Record<string, string> = {
  received: 'default', verifying: 'processing', mediating: 'blue', agreed: 'cyan', paying: 'gold', closed: 'green',
  arbitration: 'purple', litigation: 'purple', referred: 'magenta', withdrawn: 'default', rejected: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const m = useMessages();
  return <Tag color={STATUS_COLOURS[status]}>{m.status[status] ?? status}</Tag>;
}

/** A table's "nothing here" line, readable (antd draws it in the disabled grey, below WCAG AA contrast). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
