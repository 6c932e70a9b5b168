import { Checkbox, Popover } from 'antd';
import { useMessagesWith } from '../../common/i18n/i18n';
import { dutyMessages } from './duty.messages';
import type { Lawyer } from './duty-queries';

/**
 * One center's day: the lawyers on duty, and a click that opens the list of the lawyers who may serve
 * there to tick. A clash the API found is written in the cell, in the API's words.
 */
export function DutyCell({
  label,
  title,
  lawyerIds,
  offered,
  nameOf,
  changed,
  problems,
  disabled,
  onChange,
}: {
  /** what a screen reader says of the cell: where, when, who */
  label: string;
  title: string;
  lawyerIds: readonly string[];
  offered: readonly Lawyer[];
  nameOf(lawyerId: string): string;
  changed: boolean;
  problems: readonly string[];
  disabled: boolean;
  onChange(lawyerIds: string[]): void;
}) {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  // someone on the roster who may no longer serve here (moved, deactivated) stays visible, to be taken off
  const options = [
    ...offered.map((lawyer) => ({ value: lawyer.id, label: lawyer.displayName })),
    ...lawyerIds.filter((id) => !offered.some((lawyer) => lawyer.id === id)).map((id) => ({ value: id, label: nameOf(id) })),
  ];
  const picker = (
    <div style={{ maxWidth: 280 }}>
      {problems.length > 0 && (
        <ul className="duty-clash" style={{ paddingInlineStart: 16, marginTop: 0 }}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {options.length === 0 ? (
        <span>{m.noLawyers}</span>
      ) : (
        <Checkbox.Group
          aria-label={title}
          value={[...lawyerIds]}
          // keep the order of picking: the first picked stays first in the cell
          onChange={(picked) => onChange([...lawyerIds.filter((id) => picked.includes(id)), ...picked.filter((id) => !lawyerIds.includes(id))])}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={options}
        />
      )}
    </div>
  );
  return (
    <Popover trigger="click" content={picker} title={title} destroyOnHidden>
      <button
        type="button"
        className={`duty-cell${changed ? ' is-changed' : ''}${problems.length > 0 ? ' has-clash' : ''}`}
        aria-label={label}
        disabled={disabled}
      >
        {lawyerIds.map((id) => (
          <span key={id} className="duty-name">
            {nameOf(id)}
          </span>
        ))}
        {problems.map((problem) => (
          <span key={problem} className="duty-clash">
            {problem}
          </span>
        ))}
      </button>
    </Popover>
  );
}
