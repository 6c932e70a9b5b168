import { ErrorCode, FieldErrorCode } from './error-codes';

/** A problem with one input field, or one row of an uploaded roster. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `claims.3.amountClaimed`; absent for a problem with a whole row. */
  field?: string;
  /** Row number as the user sees it: the spreadsheet or CSV line (header = 1), or the item number (from 1). */
  row?: number;
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

/**
 * The one error type the domain and the services throw. The HTTP exception filter maps each code
 * to a status (exhaustively) and renders a localised message, so services never deal in HTTP.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly problems: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }

  static invalid(problems: FieldProblem[]): AppError {
    return new AppError('VALIDATION_FAILED', { count: problems.length }, problems);
  }

  static invalidField(field: string, code: FieldErrorCode, params?: Record<string, string | number>): AppError {
    return AppError.invalid([{ field, code, params }]);
  }
}
