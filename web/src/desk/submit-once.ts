import { useRef } from 'react';
import { idempotencyKey } from '../common/api/client';

/**
 * The Idempotency-Key of a create: the same body sent again (a double Enter, a retry after a dropped
 * answer) carries the same key, so the API creates nothing twice; a changed body (a correction after
 * a refusal) gets a key of its own, and so does the next record after a success (`done()`).
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = (body: unknown): string => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: idempotencyKey() };
    return last.current.key;
  };
  keyFor.done = () => {
    last.current = null;
  };
  return keyFor;
}

/** A whole number typed in a field, or what was typed (the API says what is wrong with it), or nothing. */
export function integerOrAsTyped(text: string | undefined): number | string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}
