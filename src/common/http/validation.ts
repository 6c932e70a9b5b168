import { ValidationPipe } from '@nestjs/common';
import { ValidationError, getMetadataStorage } from 'class-validator';
import { AppError, FieldProblem } from '../errors/app-error';
import { FieldErrorCode, isFieldErrorCode } from '../errors/error-codes';

/**
 * Built-in class-validator constraints and the field codes they become. Our own decorators
 * (money, id numbers, credit codes...) put the precise field code in the message itself.
 */
const CONSTRAINT_CODES: Record<string, FieldErrorCode> = {
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  whitelistValidation: 'UNKNOWN_FIELD',
  unknownValue: 'NOT_AN_OBJECT',
  isString: 'NOT_A_STRING',
  isInt: 'NOT_AN_INTEGER',
  isNumber: 'NOT_A_NUMBER',
  isBoolean: 'NOT_A_BOOLEAN',
  isArray: 'NOT_A_LIST',
  isObject: 'NOT_AN_OBJECT',
  nestedValidation: 'NOT_AN_OBJECT',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
  arrayMinSize: 'TOO_FEW_ITEMS',
  arrayNotEmpty: 'TOO_FEW_ITEMS',
  arrayMaxSize: 'TOO_MANY_ITEMS',
  isIn: 'NOT_ONE_OF',
  isEnum: 'NOT_ONE_OF',
  isUuid: 'INVALID_UUID',
  matches: 'INVALID_FORMAT',
};

/** The ValidationPipe every request goes through: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The target lets the error messages name a decorator's limits ("at most 50 characters").
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => AppError.invalid(flattenValidationErrors(errors)),
  });
}

/**
 * One problem per field, the one a clerk should fix first: a missing value before its length, its
 * type before its format (class-validator reports every failed rule, in no useful order).
 */
const CONSTRAINT_PRIORITY = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject'];

function priorityOf(constraint: string): number {
  const index = CONSTRAINT_PRIORITY.indexOf(constraint);
  return index === -1 ? CONSTRAINT_PRIORITY.length : index;
}

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = error.property ? (parentPath ? `${parentPath}.${error.property}` : error.property) : parentPath;
    const [first] = Object.entries(error.constraints ?? {}).sort(([a], [b]) => priorityOf(a) - priorityOf(b));
    if (first) problems.push(toProblem(error, path, first[0], first[1]));
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

function toProblem(error: ValidationError, path: string, constraint: string, message: string): FieldProblem {
  const field = path === '' ? undefined : path;
  if (isFieldErrorCode(message)) return { field, code: message };
  const code = CONSTRAINT_CODES[constraint] ?? 'INVALID';
  return { field, code, params: paramsOf(error, constraint) };
}

/** Reads the decorator's own arguments (a max length, the allowed values) so the message can name them. */
function paramsOf(error: ValidationError, constraint: string): Record<string, string | number> | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const [limit] = (metadata?.constraints ?? []) as unknown[];
  switch (constraint) {
    case 'minLength':
    case 'min':
    case 'arrayMinSize':
      return typeof limit === 'number' ? { min: limit } : undefined;
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return typeof limit === 'number' ? { max: limit } : undefined;
    case 'isIn':
      return Array.isArray(limit) ? { allowed: limit.join(', ') } : undefined;
    case 'isEnum':
      return limit !== null && typeof limit === 'object' ? { allowed: Object.values(limit).join(', ') } : undefined;
    default:
      return undefined;
  }
}
