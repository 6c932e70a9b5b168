import { QueryFailedError } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-codes';

/**
 * Uniqueness is decided by the database (the only place that sees concurrent requests); these
 * constraint names, set in the migrations, turn a violation into the error a clerk understands.
 */
const UNIQUE_CONSTRAINT_ERRORS: Record<string, ErrorCode> = {
  agreements_case_key: 'AGREEMENT_EXISTS',
  duty_shifts_lawyer_day_key: 'LAWYER_ALREADY_ON_DUTY',
  case_employers_pkey: 'EMPLOYER_ALREADY_ON_CASE',
  claims_case_worker_key: 'WORKER_ALREADY_CLAIMANT',
  employers_credit_code_key: 'CREDIT_CODE_TAKEN',
  lawyer_profiles_licence_number_key: 'LICENCE_NUMBER_TAKEN',
  organisations_code_key: 'ORGANISATION_CODE_TAKEN',
  mediation_rooms_name_key: 'ROOM_NAME_TAKEN',
  users_username_key: 'USERNAME_TAKEN',
  workers_id_number_hash_key: 'ID_NUMBER_TAKEN',
  payout_corrections_one_pending: 'PAYOUT_CORRECTION_PENDING',
};

/** The acting user named in X-User-Id is only checked by the foreign key that records it. */
const FOREIGN_KEY_FIELDS: Record<string, string> = {
  case_events_actor_id_fkey: 'X-User-Id',
  payouts_recorded_by_id_fkey: 'X-User-Id',
};

/**
 * Constraints whose values are never put in an answer: the keyed hash of an id number is shown to no
 * one (what an id number may tell: src/workers/domain/disclosure.ts).
 */
const VALUES_WITHHELD = new Set(['workers_id_number_hash_key']);

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

export function appErrorFromDatabase(error: QueryFailedError): AppError | null {
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driverError.code === UNIQUE_VIOLATION && driverError.constraint) {
    const code = UNIQUE_CONSTRAINT_ERRORS[driverError.constraint];
    if (code) return new AppError(code, VALUES_WITHHELD.has(driverError.constraint) ? {} : valuesFromDetail(driverError.detail));
  }
  if (driverError.code === FOREIGN_KEY_VIOLATION && driverError.constraint) {
    const field = FOREIGN_KEY_FIELDS[driverError.constraint];
    if (field) return AppError.invalidField(field, 'NOT_FOUND');
  }
  return null;
}

/** `Key (credit_code)=(91350100M000100Y43) already exists.` → { creditCode: '91350100M000100Y43' } */
function valuesFromDetail(detail: string | undefined): Record<string, string> {
  const match = /^Key \((?:lower\()?([\w, ]+?)\)?\)=\((.*)\) already exists/.exec(detail ?? '');
  if (!match) return {};
  const columns = match[1].split(',').map((c) => c.trim());
  const values = match[2].split(',').map((v) => v.trim());
  const out: Record<string, string> = {};
  columns.forEach((column, i) => {
    out[column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())] = values[i] ?? '';
  });
  return out;
}

/**
 * The database did not answer: refused or dropped connections, a server shutting down, or one of the
 * time limits (isDatabaseTimeout). Requests answer 503 DATABASE_UNAVAILABLE; scheduled jobs log one
 * line and try again later (outage-log.ts).
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const { code, message } = (exception ?? {}) as { code?: string; message?: string };
  return (
    NETWORK_FAILURES.has(code ?? '') ||
    // SQLSTATE class 08, connection exception; 57P01-57P05, the server shutting down, crashed, starting up, idle too long
    /^08...$|^57P0[1-5]$/.test(code ?? '') ||
    // the driver's own words when the server went away in the middle of a query, or before it
    message === 'Connection terminated unexpectedly' ||
    message === 'Connection terminated' ||
    message === 'Client has encountered a connection error and is not queryable' ||
    isDatabaseTimeout(exception)
  );
}

const NETWORK_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The database's time limits (typeorm-options.ts, serverTimeouts): a statement cancelled by
 * statement_timeout (57014), no answer within query_timeout, no connection within connectionTimeoutMillis.
 */
export function isDatabaseTimeout(exception: unknown): boolean {
  const { code, message } = (exception ?? {}) as { code?: string; message?: string };
  return (
    code === '57014' ||
    message === 'Query read timeout' ||
    message === 'timeout exceeded when trying to connect' ||
    message === 'Connection terminated due to connection timeout'
  );
}
