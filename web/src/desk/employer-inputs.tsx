import { AutoComplete, Select } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../common/api/client';
import { useEmployerSearch } from './desk-queries';

/** An employer as a worker names it: picked from the register (with its id) or only a name. */
export interface EmployerNamed {
  id?: string;
  name: string;
}

/** What a Form.Item hands its control: the id its label points at, and the help and error it describes. */
interface FieldProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

function optionsOf(employers: Schemas['EmployerView'][] | undefined) {
  return (employers ?? []).map((employer) => ({
    value: employer.id,
    name: employer.name,
    // what a screen reader says of the option (else the id, as the label is not plain text)
    'aria-label': employer.creditCode ? `${employer.name} ${employer.creditCode}` : employer.name,
    label: (
      <span>
        {employer.name}
        {employer.creditCode && <span style={{ marginInlineStart: 8, color: 'rgba(0, 0, 0, 0.65)', fontSize: 12 }}>{employer.creditCode}</span>}
      </span>
    ),
  }));
}

/**
 * The employer of a consultation: as the lawyer types, employers of the register that match are
 * offered (↓ and Enter pick one, with its id); what is typed and not picked is kept as the name the
 * worker gave. Typing after a pick makes it a plain name again.
 */
export function EmployerNameInput({ value, onChange, ...aria }: FieldProps & { value?: EmployerNamed; onChange?(value: EmployerNamed): void }) {
  const text = value?.name ?? '';
  const found = useEmployerSearch(value?.id ? '' : text);
  return (
    <AutoComplete
      {...aria}
      value={text}
      options={value?.id ? [] : optionsOf(found.data?.items)}
      showSearch={{ filterOption: false, onSearch: (typed) => onChange?.({ name: typed }) }}
      onSelect={(_, option) => onChange?.({ id: option.value, name: option.name })}
      // no clear button: it would be one more Tab stop between the employer and the advice
      style={{ width: '100%' }}
    />
  );
}

/** An employer that must be in the register (an outreach visit), found by name or credit code. */
export function RegisteredEmployerSelect({ value, onChange, onPicked, ...aria }: FieldProps & { value?: string; onChange?(value: string | undefined): void; onPicked?(name: string | undefined): void }) {
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<{ value: string; name: string } | null>(null);
  const found = useEmployerSearch(typed);
  const options: { value: string; name: string; label: React.ReactNode }[] = optionsOf(found.data?.items);
  if (value && picked?.value === value && !options.some((option) => option.value === value)) options.unshift({ ...picked, label: picked.name });
  return (
    <Select
      {...aria}
      value={value}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        setPicked(next && chosen ? { value: next, name: chosen.name } : null);
        onPicked?.(chosen?.name);
        onChange?.(next);
      }}
      style={{ width: '100%' }}
    />
  );
}
