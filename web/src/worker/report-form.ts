/**
 * The report form's own logic, apart from the page: which fields each step asks, what must be there
 * before the next step, the district a site address names, the body the API takes, and which step an
 * answer of the API sends the worker back to. Pure: no browser, no API.
 */
import { fenToYuan, yuanToFen } from '../common/money';

export const STEPS = ['who', 'employer', 'money', 'photos', 'consent'] as const;
export type Step = (typeof STEPS)[number];

export interface ReportValues {
  name: string;
  idNumber: string;
  mobile: string;
  employerName: string;
  projectName: string;
  siteAddress: string;
  /** The district the worker chose himself; '' while he has not (the site address may then suggest one). */
  organisationId: string;
  periodStart: string;
  periodEnd: string;
  amountOwed: string;
  coWorkers: string;
  description: string;
  consent: boolean;
}

export const EMPTY_REPORT: ReportValues = {
  name: '',
  idNumber: '',
  mobile: '',
  employerName: '',
  projectName: '',
  siteAddress: '',
  organisationId: '',
  periodStart: '',
  periodEnd: '',
  amountOwed: '',
  coWorkers: '0',
  description: '',
  consent: false,
};

/** The API's field names, by the step that shows them: an error on one of them sends the worker back there. */
export const STEP_FIELDS: Record<Step, readonly string[]> = {
  who: ['name', 'idNumber', 'mobile'],
  employer: ['employerName', 'projectName', 'siteAddress', 'organisationId'],
  money: ['periodStart', 'periodEnd', 'amountOwed', 'coWorkers', 'description'],
  photos: [],
  consent: ['consent'],
};
const SHOWN_FIELDS = Object.values(STEP_FIELDS).flat();

export interface District {
  id: string;
  name: string;
  place: string;
  city: boolean;
}

/**
 * The district a site address names, when it names exactly one: "顺义区后沙峪镇…" → 顺义区总工会. Each
 * district's place is looked for with and without its last 区/县 ("后沙峪镇，顺义" says 顺义 too); the
 * city's federation is no district and is never suggested, it is what a worker chooses who does not know.
 */
export function suggestedDistrict(address: string, districts: readonly District[]): District | null {
  const text = address.trim();
  if (text === '') return null;
  const named = districts.filter((district) => {
    if (district.city) return false;
    const place = district.place.trim();
    const short = place.replace(/[区县]$/u, '');
    return place !== '' && (text.includes(place) || (short.length >= 2 && text.includes(short)));
  });
  return named.length === 1 ? named[0] : null;
}

/** The organisation the report goes to: the worker's own choice, else the one his site address names. */
export function chosenOrganisation(values: ReportValues, districts: readonly District[]): string {
  return values.organisationId || suggestedDistrict(values.siteAddress, districts)?.id || '';
}

export type Missing = 'required' | 'chooseOne' | 'wholeNumber' | 'consent';

/**
 * What a step still lacks before the next: only what is plainly missing. Whether a name, an id number
 * or an amount is right is the API's to say, in its words, when the report is sent.
 */
export function missingOn(step: Step, values: ReportValues, organisationId: string): Record<string, Missing> {
  const missing: Record<string, Missing> = {};
  const need = (field: keyof ReportValues) => {
    if (String(values[field]).trim() === '') missing[field] = 'required';
  };
  switch (step) {
    case 'who':
      need('name');
      need('idNumber');
      need('mobile');
      break;
    case 'employer':
      need('employerName');
      if (!organisationId) missing.organisationId = 'chooseOne';
      break;
    case 'money':
      need('periodStart');
      need('periodEnd');
      need('amountOwed');
      if (!/^\d{1,5}$/.test(values.coWorkers.trim())) missing.coWorkers = 'wholeNumber';
      break;
    case 'photos':
      break;
    case 'consent':
      if (!values.consent) missing.consent = 'consent';
      break;
  }
  return missing;
}

/**
 * "18,600" or "￥18600元" → "18600.00", the API's form; what cannot be read as yuan goes as typed, and
 * the API says what is wrong with it.
 */
export function normalisedAmount(typed: string): string {
  const text = typed.replace(/[\s,，￥¥元]/g, '').replace(/[\uFF10-\uFF19．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const fen = yuanToFen(text);
  return fen === null ? typed.trim() : fenToYuan(fen);
}

/** What the API takes (without the proof of work, which is added when it is ready). */
export function reportBody(values: ReportValues, organisationId: string) {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    name: values.name.trim(),
    // copied from a card or a message: spaces inside, and the check character typed in lower case
    idNumber: values.idNumber.replace(/\s/g, '').toUpperCase(),
    mobile: values.mobile.replace(/[\s-]/g, ''),
    employerName: values.employerName.trim(),
    projectName: optional(values.projectName),
    siteAddress: optional(values.siteAddress),
    organisationId: organisationId || undefined,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    amountOwed: normalisedAmount(values.amountOwed),
    coWorkers: Number(values.coWorkers.trim()),
    description: optional(values.description),
    consent: values.consent,
  };
}

export interface FieldProblem {
  field?: string;
  message: string;
}

/**
 * The API's field problems sorted for the form: those of a field a step shows go under it (in the
 * API's words, two joined), the rest are said above the button; and the first step that has one, to
 * go back to. Nothing typed is touched.
 */
export function sortedProblems(problems: readonly FieldProblem[]): { fields: Record<string, string>; rest: string[]; step: Step | null } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const problem of problems) {
    const field = problem.field;
    if (field && SHOWN_FIELDS.includes(field)) fields[field] = fields[field] ? `${fields[field]}；${problem.message}` : problem.message;
    else rest.push(problem.message);
  }
  const step = STEPS.find((name) => STEP_FIELDS[name].some((field) => field in fields)) ?? null;
  return { fields, rest, step };
}
