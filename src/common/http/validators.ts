import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsObject, ValidateNested, ValidationOptions, isUUID, registerDecorator } from 'class-validator';
import { checkCreditCode } from '../identifiers/credit-code';
import { isLawyerLicenceNumber, isMobileNumber } from '../identifiers/contact';
import { PROVINCES, checkResidentId } from '../identifiers/resident-id';
import { todayOfRequest } from '../time/request-clock';
import { parseYuan } from '../money/money';
import { FieldErrorCode } from '../errors/error-codes';
import { isCalendarDate } from '../time/calendar-days';

/**
 * Validation decorators for the product's own kinds of value. Each reports the precise field code
 * (a wrong check digit is a different mistake from a wrong length) as its message, which the
 * validation pipe passes on as the field's error code.
 */
function fieldRule(name: string, problemOf: (value: unknown) => FieldErrorCode | null) {
  return (options?: ValidationOptions) =>
    (target: object, propertyName: string): void => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName,
        options,
        validator: {
          validate: (value: unknown) => problemOf(value) === null,
          defaultMessage: (args) => problemOf(args?.value) ?? 'INVALID',
        },
      });
    };
}

/** Yuan as a decimal string with at most two places: "12000.50". Numbers are refused (a float may already be off). */
export const IsYuan = fieldRule('isYuan', (value) => {
  if (typeof value !== 'string') return 'MONEY_FORMAT';
  const parsed = parseYuan(value);
  return parsed.ok ? null : (`MONEY_${parsed.problem}` as FieldErrorCode);
});

/** As IsYuan, and more than zero (a payout of nothing is a mistake). */
export const IsPositiveYuan = fieldRule('isPositiveYuan', (value) => {
  if (typeof value !== 'string') return 'MONEY_FORMAT';
  const parsed = parseYuan(value);
  if (!parsed.ok) return `MONEY_${parsed.problem}` as FieldErrorCode;
  return parsed.fen > 0n ? null : 'MONEY_ZERO';
});

/** White space of any script (U+3000 too) and the zero-width characters that show as nothing. */
const INVISIBLE = /[\s\u180E\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * A name (of a person, an employer, a place): something visible once spaces and zero-width characters
 * are taken away, on one line. The other control characters are refused for every text (hostile-input.ts).
 */
export const IsName = fieldRule('isName', (value) => {
  if (typeof value !== 'string') return 'NOT_A_STRING';
  // all of C0 here, not only tab and line breaks: a roster file's cells reach this check without the HTTP guard
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001F]/.test(value)) return 'CONTROL_CHARACTER';
  return value.replace(INVISIBLE, '') === '' ? 'REQUIRED' : null;
});

export const IsResidentId = fieldRule('isResidentId', (value) => {
  if (typeof value !== 'string') return 'ID_NUMBER_FORMAT';
  // The service's clock says what today is (the test clock in tests), never the machine's.
  const problem = checkResidentId(value.trim().toUpperCase(), todayOfRequest());
  return problem ? (`ID_NUMBER_${problem}` as FieldErrorCode) : null;
});

export const IsCreditCode = fieldRule('isCreditCode', (value) => {
  if (typeof value !== 'string') return 'CREDIT_CODE_FORMAT';
  const problem = checkCreditCode(value.trim().toUpperCase());
  return problem ? (`CREDIT_CODE_${problem}` as FieldErrorCode) : null;
});

export const IsMobile = fieldRule('isMobile', (value) =>
  typeof value === 'string' && isMobileNumber(value.trim()) ? null : 'MOBILE_FORMAT',
);

export const IsLicenceNumber = fieldRule('isLicenceNumber', (value) =>
  typeof value === 'string' && isLawyerLicenceNumber(value.trim()) ? null : 'LICENCE_NUMBER_FORMAT',
);

export const IsCalendarDate = fieldRule('isCalendarDate', (value) =>
  typeof value === 'string' && isCalendarDate(value) ? null : 'INVALID_DATE',
);

export const IsProvince = fieldRule('isProvince', (value) =>
  typeof value === 'string' && PROVINCES.includes(value.trim()) ? null : 'UNKNOWN_PROVINCE',
);

export const IsOrganisationCode = fieldRule('isOrganisationCode', (value) =>
  typeof value === 'string' && /^[A-Z0-9]{2,8}$/.test(value) ? null : 'ORGANISATION_CODE_FORMAT',
);

/** The word a filter takes for "without one" (`?lawyerId=none`: the cases with no lawyer). */
export const NONE = 'none';

/** An id, or `none` for the records without one. */
export const IsUuidOrNone = fieldRule('isUuidOrNone', (value) =>
  typeof value === 'string' && (value === NONE || isUUID(value)) ? null : 'INVALID_UUID',
);

/** A yes or no in the address (`?open=true`): the words true and false, nothing else. */
export function IsQueryBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}

/**
 * A nested object, validated by its class. class-validator walks into an array as readily as into
 * an object, so an array where an object belongs (`{"claims": [[]]}`) passed validation empty and
 * reached the service as a claim without a worker; IsObject refuses it first.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** A list of nested objects, as NestedObject for each item. */
export function NestedObjects(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
