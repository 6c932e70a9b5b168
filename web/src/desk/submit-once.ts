import type { FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { idempotencyKey } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';

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

/**
 * A form that records one thing after another (a consultation, a visit). It sends once however often
 * Enter is pressed, and a second Enter that lands after the save finds the fresh, untouched form and
 * sends nothing. After a save the form is empty and the cursor back in `firstField`, for the next one;
 * after a refusal the API's words are at their fields (`fields`) and the cursor in the first wrong one.
 */
export function useRecordForm<Values>(form: FormInstance<Values>, firstField: string, fields: readonly string[]) {
  const m = useMessages();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const keyFor = useIdempotencyKey();
  // resetFields mounts the inputs afresh: the cursor goes to the new first field once it is there
  const [saves, setSaves] = useState(0);
  useEffect(() => {
    if (saves > 0) form.focusField(firstField);
  }, [saves, form, firstField]);

  /** `send` posts with the key it is given; `onSaved` runs once the form is empty again. */
  const record = async <Answer>(send: (keyOf: (body: unknown) => string) => Promise<Answer>, onSaved: (answer: Answer) => void) => {
    if (sending.current || !form.isFieldsTouched()) return;
    sending.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await send(keyFor);
      keyFor.done();
      form.resetFields();
      setSaves((count) => count + 1);
      onSaved(answer);
    } catch (error) {
      setProblem(showApiErrors(form as FormInstance, error, m, fields));
      const firstWrong = form.getFieldsError().find((field) => field.errors.length > 0);
      if (firstWrong) form.focusField(firstWrong.name);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return { problem, busy, record };
}
