import { useRef } from 'react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { idempotencyKey } from '../common/api/client';
import { formatYuan } from '../common/money';

/*
 * The phone forms' fields: a visible label tied to a native input (the phone's own keyboards and date
 * and time pickers, and no picker code in the page), the API's words under it, tied to it for screen
 * readers. antd-mobile's Input puts aria attributes on its wrapper, not on the input, so plain inputs
 * are styled to match it instead.
 */

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  warn?: boolean;
}

function described(id: string, error?: string, hint?: ReactNode): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, error, hint, warn }: { id: string; error?: string; hint?: ReactNode; warn?: boolean }) {
  return (
    <>
      {hint && !error && (
        <div id={`${id}-hint`} className={warn ? 'm-hint m-warn' : 'm-hint'}>
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="m-error">
          {error}
        </div>
      )}
    </>
  );
}

export function TextField({ id, label, error, hint, warn, value, onText, ...input }: FieldProps & { value: string; onText(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        className="m-input"
        value={value}
        onChange={(event) => onText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
      />
      <Messages id={id} error={error} hint={hint} warn={warn} />
    </div>
  );
}

export function TextAreaField({ id, label, error, value, onText, rows = 3 }: FieldProps & { value: string; onText(value: string): void; rows?: number }) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="m-input" rows={rows} value={value} onChange={(event) => onText(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described(id, error)} />
      <Messages id={id} error={error} />
    </div>
  );
}

export function SelectField({ id, label, error, hint, value, onText, options, placeholder, ...select }: FieldProps & { value: string; onText(value: string): void; options: { value: string; label: string }[]; placeholder?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <div className="m-field">
      <label htmlFor={id}>{label}</label>
      <select {...select} id={id} className="m-input" value={value} onChange={(event) => onText(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described(id, error, hint)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** What the server said about the whole form, where the thumb is: read out when it appears. */
export function FormAlert({ title, message }: { title?: string; message: string | null }) {
  if (!message) return null;
  return (
    <div className="m-alert" role="alert">
      {title && <strong>{title}</strong>}
      {message}
    </div>
  );
}

/** An amount of yuan from the API (or fen counted here), grouped for reading. */
export function Yuan({ yuan, strong }: { yuan: string | bigint; strong?: boolean }) {
  const text = `¥${formatYuan(yuan)}`;
  return <span className="m-amount">{strong ? <strong>{text}</strong> : text}</span>;
}

/**
 * An Idempotency-Key per form content: a double tap, or a retry after the network dropped, sends the
 * same key with the same body and creates nothing twice; a corrected form (another body) gets a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: idempotencyKey() };
    return last.current.key;
  };
}
