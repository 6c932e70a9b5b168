import type { FormInstance } from 'antd';
import { ApiError, NetworkError } from './api/client';
import type { Messages } from './i18n/zh-CN';

/** "claims.2.amountClaimed" (the API's field path) → ['claims', 2, 'amountClaimed'] (a form's name path). */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's field errors next to their inputs, in the API's own words, and answers what is left to
 * say above the form (an error of no field, or of a field this form does not show). Nothing typed is
 * touched: the user corrects and submits again.
 */
export function showApiErrors(form: FormInstance | null, error: unknown, m: Messages, shownFields: readonly string[] = []): string | null {
  if (error instanceof NetworkError) return m.errors.network;
  if (!(error instanceof ApiError)) return m.errors.server;
  if (error.status >= 500) return m.errors.server;
  const problems = error.body.errors ?? [];
  // without a form every problem is said in the text returned (a list's search, an export)
  const onFields = form ? problems.filter((problem) => problem.field && problem.row === undefined && isShown(problem.field, shownFields)) : [];
  form?.setFields(onFields.map((problem) => ({ name: namePathOf(problem.field!), errors: [problem.message] })));
  const rest = problems.filter((problem) => !onFields.includes(problem));
  if (onFields.length > 0 && rest.length === 0) return null;
  return rest.length > 0 ? rest.map((problem) => problem.message).join('；') : error.body.message;
}

/** A field is shown when the form lists it, or one of its parents (claims.2.amountClaimed under claims). */
function isShown(field: string, shownFields: readonly string[]): boolean {
  const top = field.split('.')[0];
  return shownFields.length === 0 || shownFields.includes(top) || shownFields.includes(field);
}
