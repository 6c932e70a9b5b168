import { ApiError, NetworkError } from '../common/api/client';
import type { Messages } from '../common/i18n/zh-CN';
import type { mediationMessages } from './mediation.messages';
import type { ApiFieldProblem } from './bulk-lines';

/** What a refused request means for a form of the phone pages. */
export interface FormProblems {
  /** The API's field path (`paidOn`, `items.3.amount`) → its words, for the fields this form shows. */
  fields: Record<string, string>;
  /** The API's problems with items of a list the form shows line by line (`items.3.amount`), as sent. */
  items: ApiFieldProblem[];
  /** What to say above the primary button: the API's reason, or what is wrong that no field shows. */
  message: string | null;
  /** 409 STALE_VERSION: someone else changed the record since the page read it. */
  stale: boolean;
  code: string | null;
}

/**
 * The phone pages' counterpart of common/forms.ts's showApiErrors (which speaks to antd's forms): the
 * API's field errors in its own words, keyed by the field path for the input that shows it, and the
 * answer's message for the top of the form. Problems of list items are kept whole even when they
 * carry the item's number (`row`), which showApiErrors leaves off the fields. Nothing typed is touched.
 */
export function formProblems(
  error: unknown,
  m: Messages & { mediation: typeof mediationMessages.zh },
  shownFields: readonly string[] = [], lists: readonly string[] = []): FormProblems {
  const none = { fields: {}, items: [], stale: false };
  if (error instanceof NetworkError) return { ...none, message: m.errors.network, code: null };
  if (!(error instanceof ApiError) || error.status >= 500) return { ...none, message: m.errors.server, code: null };
  // the login over the page is open: what to do after it, not the server's "please log in"
  if (error.status === 401) return { ...none, message: m.mediation.sessionEnded, code: error.body.code };
  const { body } = error;
  const fields: Record<string, string> = {};
  const items: ApiFieldProblem[] = [];
  const rest: string[] = [];
  for (const problem of body.errors ?? []) {
    const field = problem.field;
    if (field && lists.some((list) => field.startsWith(`${list}.`))) items.push(problem);
    else if (field && shownFields.includes(field)) fields[field] = fields[field] ? `${fields[field]}；${problem.message}` : problem.message;
    else rest.push(field && !/^\d+$/.test(field) ? `${field}: ${problem.message}` : problem.message);
  }
  const stale = body.code === 'STALE_VERSION';
  const message = stale ? m.mediation.stale : rest.length > 0 ? rest.join('；') : body.message;
  return { fields, items, message, stale, code: body.code };
}
