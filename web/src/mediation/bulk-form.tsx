import { Button, Checkbox } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { tick, TickedTotal, untick } from './bulk-lines';
import { Yuan } from './fields';

/**
 * The top of a bulk form's list: a search the API runs (part of a name, or a whole id number), and
 * ticking all, none, or the workers found.
 */
export function TickBar({ text, onText, found, searching, visibleIds, ticked, onTicked }: {
  text: string;
  onText(text: string): void;
  found: ReadonlySet<string> | null;
  searching: boolean;
  visibleIds: string[];
  ticked: ReadonlySet<string>;
  onTicked(ticked: Set<string>): void;
}) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.bulk;
  return (
    <>
      <div className="m-field">
        <label htmlFor="bulk-search">{t.search}</label>
        <input id="bulk-search" className="m-input" type="search" value={text} onChange={(event) => onText(event.target.value)} aria-describedby="bulk-found" />
        <div id="bulk-found" className="m-hint" role="status">
          {searching ? m.common.loading : found ? t.found(visibleIds.length) : ''}
        </div>
      </div>
      <div className="m-buttons" style={{ marginBottom: 4 }}>
        <Button fill="outline" color="primary" disabled={searching || visibleIds.length === 0} onClick={() => onTicked(tick(ticked, visibleIds))}>
          {found ? t.tickFound(visibleIds.length) : t.tickAll}
        </Button>
        <Button fill="outline" disabled={searching || visibleIds.length === 0} onClick={() => onTicked(untick(ticked, visibleIds))}>
          {found ? t.untickFound : t.tickNone}
        </Button>
      </div>
    </>
  );
}

/** A worker's line head: the box to tick him, his name as its label, his masked id number, and more to the right. */
export function WorkerTick({ name, idNumber, checked, onChange, extra }: { name: string; idNumber: string; checked: boolean; onChange(on: boolean): void; extra?: ReactNode }) {
  return (
    <div className="m-line-head">
      <Checkbox checked={checked} onChange={onChange}>
        <span style={{ fontWeight: 600 }}>{name}</span> <span className="m-id">{idNumber}</span>
      </Checkbox>
      {extra}
    </div>
  );
}

/** The footer's count and exact total of the ticked lines. */
export function TickedSummary({ total, label }: { total: TickedTotal; label: string }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.bulk;
  return (
    <div role="status">
      <div className="m-footer-total">
        <span>{t.ticked(total.count)}</span>
        <span>
          {label} <Yuan yuan={total.fen} strong />
        </span>
      </div>
      {total.unreadable > 0 && <div className="m-hint m-warn">{t.unreadable(total.unreadable)}</div>}
    </div>
  );
}

/** The API's words on a worker's line, under his inputs. */
export function LineErrors({ id, errors }: { id: string; errors?: Record<string, string> }) {
  const messages = Object.entries(errors ?? {}).filter(([field]) => field !== 'amount' && field !== 'amountConfirmed' && field !== 'receiptReference');
  if (messages.length === 0) return null;
  return (
    <div id={`${id}-line-error`} className="m-error m-line-error">
      {messages.map(([, message]) => message).join('；')}
    </div>
  );
}
