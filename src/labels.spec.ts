import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ACTIONS } from './audit/dto/audit-query.dto';
import { SECURITY_ACTIONS } from './auth/auth-ports';
import { ROLES } from './auth/domain/roles';
import { STATUTORY_FESTIVALS } from './calendar/domain/statutory-holidays';
import { TARGET_SCOPES } from './campaign/domain/season';
import { CHAIN_ROLES } from './cases/case-employer.record';
import { EVIDENCE_KINDS } from './cases/case-evidence.record';
import { INTAKE_CHANNELS } from './cases/case.record';
import { CASE_STATUSES, CLOSING_OUTCOMES, REFERRAL_TARGETS } from './cases/domain/case-status';
import { CLAIM_KINDS } from './claims/claim.record';
import { CLAIM_STANDINGS } from './claims/dto/claim.dto';
import { LABELS, LabelGroup, groupOfValues, labelOf } from './common/labels/labels';
import { AppError } from './common/errors/app-error';
import { localiseParams } from './common/errors/message-params';
import { renderError } from './http-error.filter';
import {
  CONSULTATION_CHANNELS,
  CONSULTATION_TOPICS,
  EARLY_WARNING_STATUSES,
  FINDINGS,
  FINDINGS_OR_NA,
} from './desk/dto/desk.dto';
import { EMPLOYER_KINDS, INDUSTRIES } from './employers/employer.record';
import { CRIMINAL_THRESHOLD_REASONS } from './legal-clocks/domain/criminal-threshold';
import { CASE_CONCLUSIONS, CLOCK_KINDS, CLOCK_STATES } from './legal-clocks/domain/legal-clocks';
import { INSTALMENT_STATES } from './mediation/domain/instalments';
import { ID_NUMBER_DISPLAYS } from './mediation/dto/agreement-document.dto';
import { AGREEMENT_SCHEDULES, ATTENDANCE_PARTIES, SESSION_OUTCOMES, SESSION_STATUSES } from './mediation/dto/mediation.dto';
import { ORGANISATION_KINDS } from './organisations/organisation.record';
import { CORRECTION_STATUSES } from './payouts/domain/correction-rules';
import { CALLBACK_STATUSES, SATISFACTIONS } from './callbacks/domain/callback-rules';
import { REFUSED_KINDS } from './case-files/domain/file-types';
import { HELD_PLACES, PAYER_KINDS, PAYOUT_CHANNELS } from './payouts/payout.record';
import { SUBCONTRACT_ROLES } from './projects/project-subcontract.record';
import { CHANNELS } from './reminders/channels';
import { RECIPIENT_ROLES, REMINDER_KINDS, URGENCIES } from './reminders/domain/reminder-policy';
import { REPORT_STATUSES, WORKER_STAGES } from './worker-reports/domain/report-rules';
import { DELIVERY_STATUSES } from './reminders/dto/reminders.dto';
import { JOINT_PUNISHMENT_CRITERIA } from './reports/domain/joint-punishment';
import { CASE_EVENT_KINDS } from './timeline/case-event.record';

/**
 * Every enum the server shows people, with the label group that words it. A group's labels are the
 * union of its enums' values, no more (a stale label is a value that no longer exists), no fewer.
 */
const SHOWN: Record<string, [values: readonly string[], group: LabelGroup]> = {
  AGREEMENT_SCHEDULES: [AGREEMENT_SCHEDULES, 'agreementSchedule'],
  ATTENDANCE_PARTIES: [ATTENDANCE_PARTIES, 'attendanceParty'],
  AUDIT_ACTIONS: [AUDIT_ACTIONS, 'auditAction'],
  CASE_CONCLUSIONS: [CASE_CONCLUSIONS, 'caseConclusion'],
  CASE_EVENT_KINDS: [CASE_EVENT_KINDS, 'caseEventKind'],
  CASE_STATUSES: [CASE_STATUSES, 'caseStatus'],
  CHAIN_ROLES: [CHAIN_ROLES, 'chainRole'],
  CHANNELS: [CHANNELS, 'reminderChannel'],
  CLAIM_KINDS: [CLAIM_KINDS, 'claimKind'],
  CLAIM_STANDINGS: [CLAIM_STANDINGS, 'claimStanding'],
  CLOCK_KINDS: [CLOCK_KINDS, 'clockKind'],
  CLOCK_STATES: [CLOCK_STATES, 'clockState'],
  CLOSING_OUTCOMES: [CLOSING_OUTCOMES, 'closingOutcome'],
  CONSULTATION_CHANNELS: [CONSULTATION_CHANNELS, 'consultationChannel'],
  CONSULTATION_TOPICS: [CONSULTATION_TOPICS, 'consultationTopic'],
  CORRECTION_STATUSES: [CORRECTION_STATUSES, 'correctionStatus'],
  CALLBACK_STATUSES: [CALLBACK_STATUSES, 'callbackStatus'],
  HELD_PLACES: [HELD_PLACES, 'heldPlace'],
  REFUSED_KINDS: [REFUSED_KINDS, 'refusedFileKind'],
  SATISFACTIONS: [SATISFACTIONS, 'satisfaction'],
  CRIMINAL_THRESHOLD_REASONS: [CRIMINAL_THRESHOLD_REASONS, 'criminalThresholdReason'],
  DELIVERY_STATUSES: [DELIVERY_STATUSES, 'deliveryStatus'],
  EARLY_WARNING_STATUSES: [EARLY_WARNING_STATUSES, 'earlyWarningStatus'],
  EMPLOYER_KINDS: [EMPLOYER_KINDS, 'employerKind'],
  EVIDENCE_KINDS: [EVIDENCE_KINDS, 'evidenceKind'],
  FINDINGS: [FINDINGS, 'finding'],
  FINDINGS_OR_NA: [FINDINGS_OR_NA, 'finding'],
  ID_NUMBER_DISPLAYS: [ID_NUMBER_DISPLAYS, 'idNumberDisplay'],
  INDUSTRIES: [INDUSTRIES, 'industry'],
  INSTALMENT_STATES: [INSTALMENT_STATES, 'instalmentState'],
  INTAKE_CHANNELS: [INTAKE_CHANNELS, 'intakeChannel'],
  JOINT_PUNISHMENT_CRITERIA: [JOINT_PUNISHMENT_CRITERIA, 'jointPunishmentCriterion'],
  ORGANISATION_KINDS: [ORGANISATION_KINDS, 'organisationKind'],
  PAYER_KINDS: [PAYER_KINDS, 'payerKind'],
  PAYOUT_CHANNELS: [PAYOUT_CHANNELS, 'payoutChannel'],
  RECIPIENT_ROLES: [RECIPIENT_ROLES, 'role'],
  REFERRAL_TARGETS: [REFERRAL_TARGETS, 'referralTarget'],
  REMINDER_KINDS: [REMINDER_KINDS, 'reminderKind'],
  ROLES: [ROLES, 'role'],
  SECURITY_ACTIONS: [SECURITY_ACTIONS, 'auditAction'],
  SESSION_OUTCOMES: [SESSION_OUTCOMES, 'sessionOutcome'],
  SESSION_STATUSES: [SESSION_STATUSES, 'sessionStatus'],
  STATUTORY_FESTIVALS: [STATUTORY_FESTIVALS, 'statutoryFestival'],
  SUBCONTRACT_ROLES: [SUBCONTRACT_ROLES, 'subcontractRole'],
  TARGET_SCOPES: [TARGET_SCOPES, 'targetScope'],
  URGENCIES: [URGENCIES, 'urgency'],
  REPORT_STATUSES: [REPORT_STATUSES, 'workerReportStatus'],
  WORKER_STAGES: [WORKER_STAGES, 'workerStage'],
};

/** Enums no one reads as words, each with the reason. A new enum must go in SHOWN or here. */
const NOT_SHOWN: Record<string, string> = {
  CASE_SORT_KEYS: 'API sort keys, chosen from the list page’s column headings',
  CASE_WARNING_CODES: 'codes the web client words in its own catalogue',
  ACCEPTED_MEDIA_TYPES: 'media types, shown as the file formats they are (JPEG, PNG, HEIC, PDF)',
  CALLBACK_GROUPINGS: 'a report’s grouping, chosen from the web client’s own labels',
  CORRECTION_ACTIONS: 'void or replace: the correction form words them as choices in the web client’s catalogue',
  ERROR_CODES: 'worded by common/errors/messages.ts',
  EXPORT_FORMATS: 'file formats, shown as csv and xlsx',
  FIELD_ERROR_CODES: 'worded by common/errors/messages.ts',
  LOCALES: 'language tags, shown as the language’s own name by the web client',
  LOG_LEVELS: 'operator configuration',
  PAYOUT_ENTRY_KINDS: 'the ledger’s kinds of line, drawn as tags by the web client’s catalogue',
  PERMISSIONS: 'the permission matrix’s names, documented in the README',
  REVEAL_FIELDS: 'API field names (idNumber, mobile)',
  ROSTER_FIELDS: 'API field names; a roster’s Chinese headings are in claims/roster/roster-reader.ts',
  QUEUE_FILTERS: 'the online reports queue’s tabs, worded by the web client’s catalogue',
};

/** `export const NAME = [ 'a', 'b', … ] as const` in the server's source: its enums. */
function declaredEnums(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  for (const file of walk(__dirname)) {
    const source = readFileSync(file, 'utf8');
    for (const [, name, body] of source.matchAll(/export const ([A-Z][A-Z0-9_]*)\s*=\s*\[([^\]]*)\]\s*as const/g)) {
      const items = body
        .replace(/\/\/.*$/gm, '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length > 0 && items.every((item) => /^'[^']*'$/.test(item))) found.set(name, relative(__dirname, file));
    }
  }
  return found;
}

describe('the labels of enumerated values', () => {
  it('knows every enum the server declares: shown to people (and labelled), or not, with a reason', () => {
    const unaccounted = [...declaredEnums()]
      .filter(([name]) => !(name in SHOWN) && !(name in NOT_SHOWN))
      .map(([name, file]) => `${name} (${file})`);
    expect(unaccounted).toEqual([]);
    // and the lists name only enums that still exist
    const declared = declaredEnums();
    expect([...Object.keys(SHOWN), ...Object.keys(NOT_SHOWN)].filter((name) => !declared.has(name))).toEqual([]);
  });

  it.each(Object.entries(SHOWN))('has a Chinese and an English label for every value of %s', (_, [values, group]) => {
    const missing = values.filter((value) => !Object.hasOwn(LABELS[group], value));
    expect(missing).toEqual([]);
    for (const value of values) {
      expect(labelOf(group, value, 'zh')).toMatch(/\p{Script=Han}/u);
      expect(labelOf(group, value, 'en')).toMatch(/^[\w ,.'’()&-]+$/);
    }
  });

  it('labels no value that no enum has (a stale label)', () => {
    const valuesOf = new Map<LabelGroup, Set<string>>();
    for (const [values, group] of Object.values(SHOWN)) {
      valuesOf.set(group, new Set([...(valuesOf.get(group) ?? []), ...values]));
    }
    const stale = (Object.keys(LABELS) as LabelGroup[])
      .filter((group) => group !== 'unauthenticatedReason') // the reasons auth gives, not an enum
      .flatMap((group) => Object.keys(LABELS[group]).filter((value) => !valuesOf.get(group)?.has(value)).map((value) => `${group}.${value}`));
    expect(stale).toEqual([]);
  });

  it('tells an allowed list’s group by its values alone, so no two groups hold the same values', () => {
    const keySets = (Object.keys(LABELS) as LabelGroup[]).map((group) => [...Object.keys(LABELS[group])].sort().join(','));
    expect(new Set(keySets).size).toBe(keySets.length);
    expect(groupOfValues(CLAIM_KINDS)).toBe('claimKind');
    expect(groupOfValues(FINDINGS)).toBe('finding');
    // employer, general_contractor and project_owner are chain roles and payer kinds alike
    expect(groupOfValues(['employer', 'general_contractor', 'project_owner'])).toBeNull();
    expect(groupOfValues(['intakeDate:asc', 'caseNumber:desc'])).toBeNull();
  });
});

describe('enumerated values inside error messages', () => {
  it('words statuses, roles and the reason for a login, in either language', () => {
    expect(localiseParams({ from: 'received', to: 'closed' }, 'zh')).toEqual({ from: '已受理', to: '已结案' });
    expect(localiseParams({ from: 'received', to: 'closed' }, 'en')).toEqual({ from: 'received', to: 'closed' });
    expect(localiseParams({ role: 'lawyer,mediator' }, 'zh')).toEqual({ role: '律师、调解员' });
    expect(localiseParams({ reason: 'expired_token' }, 'zh')).toEqual({ reason: '登录已过期，请刷新或重新登录' });
  });

  it('words a session’s status as a session’s, not a case’s, in a sentence that reads', () => {
    expect(localiseParams({ status: 'cancelled' }, 'zh', 'SESSION_NOT_SCHEDULED')).toEqual({ status: '已取消' });
    expect(renderError(new AppError('SESSION_NOT_SCHEDULED', { status: 'cancelled' }), 'zh').message).toBe('这次调解已取消，不能再登记结果');
    expect(renderError(new AppError('SESSION_NOT_SCHEDULED', { status: 'held' }), 'en').message).toBe(
      'This session is held; its outcome cannot be recorded',
    );
    expect(renderError(new AppError('CASE_NOT_OPEN', { status: 'closed' }), 'zh').message).toBe('案件状态为"已结案"，不能再修改');
  });

  it('names who else may, as alternatives', () => {
    expect(localiseParams({ roles: 'lawyer,mediator' }, 'zh')).toEqual({ roles: '律师或调解员' });
    expect(localiseParams({ roles: 'lawyer,mediator' }, 'en')).toEqual({ roles: 'lawyer or mediator' });
  });

  it('lists the codes an API field takes with their meaning in Chinese, and words as they are', () => {
    expect(localiseParams({ allowed: 'wages, labour_fees, other' }, 'zh')).toEqual({
      allowed: 'wages（工资）、labour_fees（劳务费）、other（其他）',
    });
    expect(localiseParams({ allowed: 'wages, labour_fees, other' }, 'en')).toEqual({ allowed: 'wages, labour_fees, other' });
    expect(localiseParams({ allowed: '工资、劳务费、其他' }, 'zh')).toEqual({ allowed: '工资、劳务费、其他' });
    expect(localiseParams({ allowed: '工资、劳务费、其他' }, 'en')).toEqual({ allowed: '工资, 劳务费, 其他' });
    expect(localiseParams({ allowed: '5000.00 - 20000.00' }, 'zh')).toEqual({ allowed: '5000.00 - 20000.00' });
  });
});
