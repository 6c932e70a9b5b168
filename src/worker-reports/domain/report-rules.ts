/**
 * The workers' own channel (网上反映欠薪): what a report must say, how its receipt number and lookup
 * code look, which district a site address names, how long a report may wait, and what a worker is
 * told of his case. Pure: the day, the random numbers and the organisations come in as data.
 */
import type { FieldProblem } from '../../common/errors/app-error';
import { addDays } from '../../common/time/calendar-days';
import type { CaseStatus } from '../../cases/domain/case-status';
import { FINAL_STATUSES } from '../../cases/domain/case-status';
import type { Satisfaction } from '../../callbacks/domain/callback-rules';

export const REPORT_STATUSES = ['submitted', 'accepted', 'joined', 'declined'] as const; // 待处理 / 已立案 / 已并案 / 不予受理
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The words of the consent he gives; a new wording gets a new version, and each report keeps the one he saw. */
export const CONSENT_VERSION = '2026-12';

/** Bounds on what one worker (or one script) can send: a report's photos, and how many reports. */
export const REPORT_LIMITS = {
  photosPerReport: 6,
  /** A phone's photo, shrunk by the page before it is sent, is some hundred KB; one not shrunk, a few MB. */
  photoBytes: 5 * 1024 * 1024,
  /** Photos may follow the report for a day, while it is still waiting. */
  photoHours: 24,
  /** The same id number: a few reports a month (a second employer, a correction), not a flood in his name. */
  reportsPerIdNumber: 3,
  idNumberDays: 30,
} as const;

/**
 * Whether a report still takes photos: while it waits for the union, and for a day after it was sent
 * (later evidence goes to the service center, where someone looks at it). The count is checked apart,
 * under the report's lock.
 */
export function takesPhotos(report: { status: ReportStatus; submittedAt: Date }, now: Date): boolean {
  const ageHours = (now.getTime() - report.submittedAt.getTime()) / 3600_000;
  return report.status === 'submitted' && ageHours <= REPORT_LIMITS.photoHours;
}

/** What the lookup page answers to a worker: where his report, and his case, have got to, in plain steps. */
export const WORKER_STAGES = [
  'waiting', // 已收到，等待工会处理
  'declined', // 工会不予受理（附理由）
  'verifying', // 正在核实欠薪情况
  'mediating', // 正在调解
  'paying', // 已达成协议，正在付款
  'closed', // 已办结
  'elsewhere', // 已转仲裁、诉讼、劳动监察或公安
  'ended', // 已撤回或不予受理
] as const;
export type WorkerStage = (typeof WORKER_STAGES)[number];

/** A case's status, told to the worker in one of a few plain steps. */
export function workerStage(report: { status: ReportStatus }, caseStatus: CaseStatus | null): WorkerStage {
  if (report.status === 'submitted') return 'waiting';
  if (report.status === 'declined' || caseStatus === null) return 'declined';
  switch (caseStatus) {
    case 'received':
    case 'verifying':
      return 'verifying';
    case 'mediating':
      return 'mediating';
    case 'agreed':
    case 'paying':
      return 'paying';
    case 'closed':
      return 'closed';
    case 'arbitration':
    case 'litigation':
    case 'referred':
      return 'elsewhere';
    case 'withdrawn':
    case 'rejected':
      return 'ended';
  }
}

/** He rates how it went once his case is concluded, once. */
export function canRate(caseStatus: CaseStatus | null, rated: boolean): boolean {
  return caseStatus !== null && FINAL_STATUSES.includes(caseStatus) && !rated;
}

// ---- the receipt number and the lookup code ----

const RECEIPT_DIGITS = 12;
/** No 0/O, 1/I/L: a code read out over the phone or copied from a photo by hand must not be misread. */
export const LOOKUP_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LOOKUP_CODE_LENGTH = 8;

/**
 * A receipt number: twelve random digits, the first not 0, so a number says nothing about how many
 * reports there are or which came before (no enumeration). `randomDigit` gives 0-9.
 */
export function newReceiptNumber(randomDigit: () => number): string {
  let digits = String(1 + (randomDigit() % 9));
  while (digits.length < RECEIPT_DIGITS) digits += String(randomDigit() % 10);
  return digits;
}

/** A receipt number as typed (spaces, dashes, full-width digits), or null when it cannot be one. */
export function normalizeReceiptNumber(typed: string): string | null {
  const digits = toHalfWidth(typed).replace(/[\s\-－—_.]/g, '');
  return new RegExp(`^[1-9][0-9]{${RECEIPT_DIGITS - 1}}$`).test(digits) ? digits : null;
}

/** `randomIndex(n)` gives 0 … n-1: 31 letters and digits eight times, about 850 billion codes. */
export function newLookupCode(randomIndex: (bound: number) => number): string {
  let code = '';
  while (code.length < LOOKUP_CODE_LENGTH) code += LOOKUP_CODE_ALPHABET[randomIndex(LOOKUP_CODE_ALPHABET.length)];
  return code;
}

/** A lookup code as typed: lower case, full-width characters, spaces and dashes forgiven. */
export function normalizeLookupCode(typed: string): string | null {
  const code = toHalfWidth(typed).toUpperCase().replace(/[\s\-－—_.]/g, '');
  return code.length === LOOKUP_CODE_LENGTH && [...code].every((c) => LOOKUP_CODE_ALPHABET.includes(c)) ? code : null;
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// ---- what a report must say ----

/**
 * A person's name as on his ID card: Chinese characters, or letters, with the middle dot of minority
 * names (阿卜杜·热合曼); nothing else, so markup or a script typed into a name is refused, not stored.
 */
export function personNameProblem(name: string): FieldProblem['code'] | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'REQUIRED';
  if (trimmed.length > 30) return 'TOO_LONG';
  return /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·• ]*$/u.test(trimmed) ? null : 'PERSON_NAME_FORMAT';
}

/** Free text from the open internet: shown to staff as text, but markup has no business in it. */
export function hasMarkup(text: string): boolean {
  return /[<>]/.test(text);
}

export interface ReportFacts {
  periodStart: string;
  periodEnd: string;
  texts: { field: string; value: string | null | undefined }[];
}

/** What is wrong with a report's facts, field by field; the decorators have checked each value's form. */
export function reportProblems(facts: ReportFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (facts.periodEnd < facts.periodStart) problems.push({ field: 'periodEnd', code: 'PERIOD_ENDS_BEFORE_START' });
  if (facts.periodStart > today) problems.push({ field: 'periodStart', code: 'DATE_IN_FUTURE' });
  if (facts.periodEnd > today) problems.push({ field: 'periodEnd', code: 'DATE_IN_FUTURE' });
  for (const text of facts.texts) {
    if (text.value && hasMarkup(text.value)) problems.push({ field: text.field, code: 'MARKUP_NOT_ALLOWED' });
  }
  return problems;
}

// ---- where it goes ----

export interface District {
  id: string;
  name: string;
  /** The district an organisation recorded for itself (顺义区), when it did. */
  district: string | null;
}

/**
 * The place an organisation stands for, as a site address names it: 顺义区总工会 → 顺义区. Only the
 * federation's suffix goes; what is left is the name an address carries.
 */
export function placeOf(organisationName: string): string {
  return organisationName.replace(/(总工会|工会联合会|工会)$/u, '');
}

/**
 * The district a site address names, when it names exactly one: "顺义区后沙峪镇…" → 顺义区总工会. The
 * district's name with and without 区/县 is looked for; an address naming none, or two, decides nothing
 * and the worker chooses.
 */
export function districtOfAddress(address: string | null | undefined, districts: District[]): District | null {
  if (!address) return null;
  const named = districts.filter((district) => {
    const place = district.district?.trim() || placeOf(district.name);
    const short = place.replace(/(区|县|市)$/u, '');
    return place !== '' && (address.includes(place) || (short.length >= 2 && address.includes(short)));
  });
  return named.length === 1 ? named[0] : null;
}

/** The last day a report may wait before it is overdue: `days` calendar days after it came in. */
export function handleByOn(submittedOn: string, days: number): string {
  return addDays(submittedOn, days);
}

/** The days an administrator may set: a day at least, a month at most. */
export const DAYS_TO_HANDLE_RANGE = { min: 1, max: 30 } as const;

/** A rating needs a satisfaction; a comment is his own words, kept as he wrote them. */
export function ratingProblems(rating: { satisfaction: Satisfaction; comment?: string | null }): FieldProblem[] {
  return rating.comment && hasMarkup(rating.comment) ? [{ field: 'comment', code: 'MARKUP_NOT_ALLOWED' }] : [];
}
