import { formatYuan } from '../money';

/** An amount of yuan from the API, grouped for reading and aligned in tables. */
export function Money({ yuan, strong }: { yuan: string; strong?: boolean }) {
  // a reversal (冲销) is negative: "-¥3,000.00", as an accountant writes it
  const grouped = formatYuan(yuan);
  const text = grouped.startsWith('-') ? `-¥${grouped.slice(1)}` : `¥${grouped}`;
  return <span className="money">{strong ? <strong>{text}</strong> : text}</span>;
}
