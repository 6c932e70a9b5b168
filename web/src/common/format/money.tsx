import { formatYuan } from '../money';

/** An amount of yuan from the API, grouped for reading and aligned in tables. */
export function Money({ yuan, strong }: { yuan: string; strong?: boolean }) {
  const text = `¥${formatYuan(yuan)}`;
  return <span className="money">{strong ? <strong>{text}</strong> : text}</span>;
}
