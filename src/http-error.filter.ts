import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError } from './common/errors/app-error';
import { ErrorCode } from './common/errors/error-codes';
import { ERROR_MESSAGES, FIELD_MESSAGES, Language, languageOf, render } from './common/errors/messages';
import { localiseParams } from './common/errors/message-params';
import { ROSTER_CONTENT_TYPES } from './claims/roster/roster-content-types';
import { appErrorFromDatabase, isDatabaseUnavailable } from './database/database-errors';
import { databaseOutages, healthOutages } from './database/outage-log';

/** The single place where an error becomes an HTTP answer. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'ROSTER_INVALID':
    case 'MALFORMED_REQUEST':
    case 'REQUEST_TOO_DEEP':
    case 'INVALID_PATH_ID':
    case 'FILE_REQUIRED':
    case 'CHALLENGE_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'LOGIN_FAILED':
      return 401;
    case 'ACCOUNT_DISABLED':
    case 'FORBIDDEN':
    case 'FULL_ID_NUMBERS_NOT_ALLOWED':
    case 'OWN_CORRECTION':
      return 403;
    case 'ROUTE_NOT_FOUND':
    case 'CASE_NOT_FOUND':
    case 'CLAIM_NOT_FOUND':
    case 'EMPLOYER_NOT_FOUND':
    case 'ORGANISATION_NOT_FOUND':
    case 'PROJECT_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'WORKER_NOT_FOUND':
    case 'SESSION_NOT_FOUND':
    case 'REMINDER_NOT_FOUND':
    case 'DUTY_SHIFT_NOT_FOUND':
    case 'CONSULTATION_NOT_FOUND':
    case 'EARLY_WARNING_NOT_FOUND':
    case 'AGREEMENT_NOT_FOUND':
    case 'PAYOUT_NOT_FOUND':
    case 'CORRECTION_NOT_FOUND':
    case 'CALLBACK_NOT_FOUND':
    case 'FILE_NOT_FOUND':
    case 'REPORT_NOT_FOUND':
    case 'REPORT_LOOKUP_FAILED':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'TRANSITION_NOT_ALLOWED':
    case 'AGREEMENT_REQUIRED':
    case 'MEDIATOR_REQUIRED':
    case 'NO_CLAIMS':
    case 'CLAIMS_NOT_CONFIRMED':
    case 'MONEY_OUTSTANDING':
    case 'NOTHING_PAID':
    case 'NOTHING_OUTSTANDING':
    case 'CASE_NOT_OPEN':
    case 'PAYOUT_NOT_ALLOWED_IN_STATUS':
    case 'PAYOUT_EXCEEDS_OUTSTANDING':
    case 'CLAIM_NOT_CONFIRMED':
    case 'CONFIRMED_BELOW_PAID':
    case 'STALE_VERSION':
    case 'CREDIT_CODE_TAKEN':
    case 'ID_NUMBER_TAKEN':
    case 'ORGANISATION_CODE_TAKEN':
    case 'ROOM_NAME_TAKEN':
    case 'USERNAME_TAKEN':
    case 'LICENCE_NUMBER_TAKEN':
    case 'WORKER_ALREADY_CLAIMANT':
    case 'EMPLOYER_ALREADY_ON_CASE':
    case 'ORGANISATION_CYCLE':
    case 'MEDIATOR_DOUBLE_BOOKED':
    case 'ROOM_DOUBLE_BOOKED':
    case 'SESSION_NOT_SCHEDULED':
    case 'SESSION_NOT_YET_HELD':
    case 'AGREEMENT_EXISTS':
    case 'LAWYER_ALREADY_ON_DUTY':
    case 'ALREADY_A_CASE':
    case 'AGREEMENT_EXCEEDS_OUTSTANDING':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'IDEMPOTENCY_KEY_IN_USE':
    case 'CRIMINAL_THRESHOLD_NOT_ENTERED':
    case 'PERSONAL_DATA_UNREADABLE':
    case 'PAYOUT_ALREADY_CORRECTED':
    case 'PAYOUT_CORRECTION_PENDING':
    case 'REVERSAL_NOT_CORRECTABLE':
    case 'CORRECTION_NOT_PENDING':
    case 'CALLBACK_ALREADY_ANSWERED':
    case 'PAYOUT_NOT_HELD':
    case 'HELD_MONEY_HANDED_OVER':
    case 'CALLBACK_NOT_TO_FOLLOW_UP':
    case 'REPORT_ALREADY_HANDLED':
    case 'REPORT_PHOTOS_CLOSED':
    case 'REPORT_PHOTO_LIMIT':
    case 'RATING_NOT_OPEN':
      return 409;
    case 'CHANNEL_NOT_SET_UP':
    case 'EMAIL_SERVER_NOT_SET_UP':
    case 'CHANNEL_REFUSED':
    case 'CHANNEL_UNREACHABLE':
      return 422;
    case 'LOGIN_THROTTLED':
    case 'ACCOUNT_LOCKED':
    case 'ADDRESS_LOCKED':
    case 'EXPORTS_BUSY':
    case 'REPORTS_FROM_ADDRESS_LIMIT':
    case 'REPORTS_FOR_ID_NUMBER_LIMIT':
    case 'LOOKUP_THROTTLED':
      return 429;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'FILE_TYPE_NOT_ACCEPTED':
      return 415;
    case 'DATABASE_UNAVAILABLE':
      return 503;
    case 'INTERNAL_ERROR':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(code: never): never {
  throw new Error(`Error code without an HTTP status: ${String(code)}`);
}

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, string | number>;
  errors?: { field?: string; row?: number; code: string; message: string }[];
}

export function renderError(error: AppError, language: Language): ErrorBody {
  const params = localiseParams(error.params, language, error.code);
  const body: ErrorBody = {
    statusCode: httpStatusOf(error.code),
    code: error.code,
    message: render(ERROR_MESSAGES[error.code], language, params),
  };
  if (Object.keys(error.params).length > 0) body.details = error.params;
  if (error.problems.length > 0) {
    body.errors = error.problems.map((problem) => ({
      ...(problem.field !== undefined && { field: problem.field }),
      ...(problem.row !== undefined && { row: problem.row }),
      code: problem.code,
      message: render(FIELD_MESSAGES[problem.code], language, localiseParams(problem.params ?? {}, language, problem.code)),
    }));
  }
  return body;
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const health = healthCheckFailure(exception);
    if (health) {
      // /health's 503 (Terminus): its own body names what is down; a monitor polls it, so no stack, and
      // one line a minute while it stays down
      healthOutages.report(`Health check failed: ${JSON.stringify(health.error ?? {}).slice(0, 300)}`, Date.now());
      void reply.header('content-type', 'application/json; charset=utf-8');
      void reply.status(503).send(health);
      return;
    }
    const error = this.toAppError(exception, request);
    const body = renderError(error, languageOf(request.headers['accept-language']));
    if (body.statusCode === 429 && error.params.seconds !== undefined) void reply.header('retry-after', String(error.params.seconds));
    if (body.statusCode === 401) void reply.header('www-authenticate', 'Bearer');
    // a route that answers HTML or a file (@Header) has set its content type before it failed: the error is JSON
    void reply.header('content-type', 'application/json; charset=utf-8');
    void reply.status(body.statusCode).send(body);
  }

  private toAppError(exception: unknown, request: FastifyRequest): AppError {
    if (exception instanceof AppError) return exception;
    if (exception instanceof QueryFailedError) {
      const known = appErrorFromDatabase(exception);
      if (known) return known;
    }
    const fromFramework = frameworkError(exception, request);
    if (fromFramework) return fromFramework;
    if (isDatabaseUnavailable(exception)) {
      databaseOutages.report(`Database unreachable: ${(exception as Error).message}`, Date.now());
      return new AppError('DATABASE_UNAVAILABLE');
    }
    // Anything else is a bug: log it in full with a reference the clerk can quote, show nothing internal.
    const reference = randomUUID().slice(0, 8);
    this.logger.error(
      `[${reference}] ${request.method} ${request.url}: ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
    return new AppError('INTERNAL_ERROR', { reference });
  }
}

/** The body of Terminus's 503 when a health indicator is down, or null for any other error. */
function healthCheckFailure(exception: unknown): { status: string; error?: object; details: object } | null {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return null;
  const body = exception.getResponse() as { status?: unknown; details?: unknown };
  const isHealthResult = typeof body === 'object' && body !== null && typeof body.status === 'string' && typeof body.details === 'object';
  return isHealthResult ? (body as { status: string; error?: object; details: object }) : null;
}

/** Errors raised by Nest or Fastify before our code runs: unknown routes, unreadable bodies, size limits. */
function frameworkError(exception: unknown, request: FastifyRequest): AppError | null {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : null;
  if (status === null || status >= 500) return null;
  const fastifyCode = (exception as { code?: string }).code ?? '';
  if (status === 404) return new AppError('ROUTE_NOT_FOUND', { method: request.method, path: request.url.split('?')[0] });
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', { limit: sizeLimitText(request) });
  if (status === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', {
      type: request.headers['content-type'] ?? '(none)',
      accepted: request.url.split('?')[0].endsWith('/claims/import')
        ? ['application/json', ...ROSTER_CONTENT_TYPES].join(', ')
        : 'application/json',
    });
  }
  const detail = fastifyCode.startsWith('FST_ERR_CTP_EMPTY_JSON_BODY')
    ? 'body is empty but Content-Type is application/json'
    : fastifyCode.startsWith('FST_ERR_CTP')
      ? 'body is not valid JSON'
      : exception instanceof Error
        ? exception.message
        : 'bad request';
  return new AppError('MALFORMED_REQUEST', { detail });
}

function sizeLimitText(request: FastifyRequest): string {
  const limit = request.routeOptions?.bodyLimit;
  return limit ? `${Math.round(limit / 1024 / 1024)} MB` : 'the configured limit';
}
