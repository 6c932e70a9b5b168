import { ErrorCode, FieldErrorCode } from './error-codes';
import { LabelGroup, Language, groupOfValues, labelOf } from '../labels/labels';

/**
 * The enumerated values inside a message's parameters, in words: "不能从"已受理"变为"已结案"", not code
 * words. Which words a parameter takes goes by its name; a code whose parameter of that name holds
 * something else says so below.
 */
const PARAM_GROUPS: Record<string, LabelGroup> = {
  from: 'caseStatus',
  to: 'caseStatus',
  status: 'caseStatus',
  role: 'role',
  /** who else may: "律师或调解员" */
  roles: 'role',
  reason: 'unauthenticatedReason',
  channel: 'reminderChannel',
};

const PARAM_GROUPS_BY_CODE: Partial<Record<ErrorCode | FieldErrorCode, Record<string, LabelGroup>>> = {
  SESSION_NOT_SCHEDULED: { status: 'sessionStatus' },
  CORRECTION_NOT_PENDING: { status: 'correctionStatus' },
  FILE_TYPE_NOT_ACCEPTED: { found: 'refusedFileKind' },
};

/** Items of a list as the services write it: "a,b" (roles), "a, b" (allowed values) or "甲、乙" (a roster's words). */
const LIST_SEPARATOR = /\s*,\s*|、/;

export function localiseParams(
  params: Record<string, string | number>,
  language: Language,
  code?: ErrorCode | FieldErrorCode,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const group = (code && PARAM_GROUPS_BY_CODE[code]?.[name]) ?? PARAM_GROUPS[name];
    if (typeof value !== 'string') out[name] = value;
    else if (name === 'allowed') out[name] = allowedValues(value, language);
    // a list (a user's several roles) reads "律师、调解员"
    else if (group) {
      const labels = value.split(LIST_SEPARATOR).map((item) => labelOf(group, item, language));
      out[name] = name === 'roles' ? joinAlternatives(labels, language) : joinList(labels, language);
    }
    else out[name] = value;
  }
  return out;
}

/**
 * The values a field may take. Codes of a known enum keep the code (it is what the API takes) with its
 * meaning in Chinese: "wages（工资）、labour_fees（劳务费）、other（其他）"; words (a roster's 工资、劳务费)
 * and anything else are listed as they are.
 */
function allowedValues(list: string, language: Language): string {
  const items = list.split(LIST_SEPARATOR).filter((item) => item !== '');
  if (items.length < 2) return list;
  const group = groupOfValues(items);
  const shown = group && language === 'zh' ? items.map((item) => `${item}（${labelOf(group, item, 'zh')}）`) : items;
  return joinList(shown, language);
}

function joinList(items: string[], language: Language): string {
  return items.join(language === 'zh' ? '、' : ', ');
}

/** "律师、调解员或受理员", "lawyer, mediator or intake clerk". */
function joinAlternatives(items: string[], language: Language): string {
  if (items.length < 2) return items.join('');
  return `${joinList(items.slice(0, -1), language)}${language === 'zh' ? '或' : ' or '}${items[items.length - 1]}`;
}
