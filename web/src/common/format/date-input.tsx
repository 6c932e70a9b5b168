import { Input } from 'antd';

/**
 * A calendar day as YYYY-MM-DD through the browser's own date input: the phone's native picker, typing
 * by keyboard on a desk, and none of antd's picker code (about 45 KiB gzip) in the page.
 */
export function DateInput({
  value,
  onChange,
  label,
  min,
  max,
  ...passed
}: {
  value?: string;
  onChange?(value: string | undefined): void;
  label: string;
  min?: string;
  max?: string;
  /** what a Form.Item hands down: the id its label points at, and the link to its error text */
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}) {
  return (
    <Input
      {...passed}
      type="date"
      aria-label={label}
      value={value ?? ''}
      min={min}
      max={max}
      onChange={(event) => onChange?.(event.target.value || undefined)}
      style={{ width: 160 }}
    />
  );
}
