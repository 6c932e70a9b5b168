import { Input } from 'antd';

/**
 * A calendar day as YYYY-MM-DD through the browser's own date input: the phone's native picker, typing
 * by keyboard on a desk, and none of antd's picker code (about 45 KiB gzip) in the page.
 */
export function DateInput({ value, onChange, label, min, max, id }: { value?: string; onChange?(value: string | undefined): void; label: string; min?: string; max?: string; id?: string }) {
  return (
    <Input
      id={id}
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
