import { ApiProperty } from '@nestjs/swagger';
import { CHAIN_ROLES, ChainRole } from '../cases/case-employer.record';
import { CASE_STATUSES, CLOSING_OUTCOMES, CaseStatus, ClosingOutcome } from '../cases/domain/case-status';
import { chineseLabel } from '../common/labels/labels';
import { formatYuan } from '../common/money/money';
import { ExportColumn } from '../common/export/tabular-export';
import { EMPLOYER_KINDS, EmployerKind, INDUSTRIES, Industry } from '../employers/employer.record';
import { NextTargetView } from '../campaign/season.view';
import { CaseFigures, MoneyByKind, Period } from './domain/figures';
import { JOINT_PUNISHMENT_CRITERIA, JointPunishmentCriterion } from './domain/joint-punishment';
import type { BreakdownItem, CallbackFigures, CallbackReport, EmployerHistory, FestivalItem, Summary } from './reports.service';
import { CALLBACK_GROUPINGS, CallbackGrouping } from './dto/report.dto';
import type { ReportScope } from './reports.repository';

/**
 * The reports as the API shows them: amounts in yuan strings (exact), rates as fractions rounded to four
 * places (0.1234 = 12.34%). The same tables download as xlsx or CSV with ?format= (the columns below).
 */

/** The organisation a report covers, with everything below it. */
export class ReportScopeView {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ example: 'SY' })
  code: string;

  @ApiProperty({ example: '顺义区总工会' })
  name: string;

  @ApiProperty({ description: 'Materialised path of the organisation in the tree (/<root id>/…/<own id>/)' })
  path: string;
}

/** The days a report covers (Asia/Shanghai), both included. */
export class ReportPeriodView {
  @ApiProperty({ format: 'date', example: '2026-11-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2027-02-05' })
  to: string;
}

/**
 * An amount split by the kind of claim it is for, in yuan: wages (工资), labour fees (劳务费) and other
 * claims (其他), which add up to the total.
 */
export class MoneyByKindView {
  @ApiProperty({ example: '12003456.78' })
  total: string;

  @ApiProperty({ example: '9003456.78', description: '工资' })
  wages: string;

  @ApiProperty({ example: '3000000.00', description: '劳务费' })
  labourFees: string;

  @ApiProperty({ example: '0.00', description: '其他: the total less wages and labour fees' })
  other: string;
}

/**
 * What the reports say about a set of cases: those opened in the period, and what became of them;
 * and the money paid in the period, whichever cases it was paid on.
 */
export class ReportFiguresView {
  @ApiProperty({ type: 'integer', description: 'Cases opened (受理) in the period' })
  casesOpened: number;

  @ApiProperty({ type: 'integer', description: 'Of those, the ones closed, withdrawn or not accepted' })
  casesConcluded: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.8125, description: '办结率: concluded ÷ opened; null when nothing was opened' })
  completionRate: number | null;

  @ApiProperty({ type: 'integer', description: 'Workers’ claim lines on the cases opened (人次: a worker in two cases counts twice)' })
  workersHelped: number;

  @ApiProperty({ example: '1250000.00', description: 'Yuan claimed' })
  claimed: string;

  @ApiProperty({ example: '1180000.00', description: 'Yuan confirmed' })
  confirmed: string;

  @ApiProperty({ example: '1200000.00', description: 'Yuan owed: confirmed amounts, and claimed ones where none is confirmed yet' })
  owed: string;

  @ApiProperty({ example: '960000.50', description: 'Yuan paid to the workers of those cases so far' })
  recovered: string;

  @ApiProperty({ type: Number, nullable: true, example: 0.8, description: '追回率: recovered ÷ owed; null when nothing is owed' })
  recoveryRate: number | null;

  @ApiProperty({ example: '240000.00', description: 'Yuan still owed on those of the cases that are not concluded' })
  unpaid: string;

  @ApiProperty({ type: MoneyByKindView, description: '`owed` by kind of claim' })
  owedByKind: MoneyByKindView;

  @ApiProperty({ type: MoneyByKindView, description: '`recovered` by kind of claim' })
  recoveredByKind: MoneyByKindView;

  @ApiProperty({ type: MoneyByKindView, description: '`unpaid` by kind of claim' })
  unpaidByKind: MoneyByKindView;

  @ApiProperty({
    type: MoneyByKindView,
    description:
      'Yuan paid to workers in the period (by the day it was paid), on any case of the scope or group whenever it was opened, ' +
      'by kind of claim. Not a figure of the cases opened in the period: the month breakdown shows each month’s recoveries. ' +
      'The breakdowns by employer and by project list those with cases opened in the period; the others also list a group paid in the period without one.',
  })
  paidInPeriod: MoneyByKindView;

  @ApiProperty({ type: 'integer' })
  casesPaidInFull: number;

  @ApiProperty({ type: Number, nullable: true, example: 23.5, description: 'Days from intake to the payment that settled the case; null when none was' })
  medianDaysToFullPayment: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 61 })
  p90DaysToFullPayment: number | null;
}

export class ReportSummaryView extends ReportFiguresView {
  @ApiProperty({ type: ReportScopeView })
  scope: ReportScopeView;

  @ApiProperty({ type: ReportPeriodView })
  period: ReportPeriodView;

  @ApiProperty({ type: 'integer', description: 'Cases concluded in the period, whenever they were opened' })
  casesClosedInPeriod: number;

  @ApiProperty({ example: '120000.00', description: 'Of `recovered`, what is in the workers’ hands: paid to them, or held and handed over' })
  recoveredHandedOver: string;

  @ApiProperty({ example: '6000.00', description: 'Of `recovered`, what is held for workers not yet reached (代管)' })
  recoveredHeld: string;

  @ApiProperty({ type: 'integer', description: 'Consultations logged at the desk (咨询接待)' })
  consultations: number;

  @ApiProperty({ type: 'integer', description: 'Outreach visits to employers (走访企业)' })
  outreachVisits: number;
}

/** One group of a breakdown: an organisation, industry, employer, project, lawyer, mediator or month. */
export class BreakdownItemView extends ReportFiguresView {
  @ApiProperty({ type: String, nullable: true, description: "The group's id; the industry; the month as 'YYYY-MM'. null for cases without one" })
  key: string | null;

  @ApiProperty({ type: String, nullable: true, example: '顺义区总工会', description: 'What the group is called; null for cases without one' })
  label: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'SY', description: 'Code, credit code, site or username, by dimension' })
  detail: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Desk work of the group; null for the dimensions without it (industry, employer, project, mediator)' })
  consultations: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  outreachVisits: number | null;
}

/** A page of groups. The employers are not counted (that alone takes longer than the page): `more` says whether a page follows. */
export class BreakdownView {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 137,
    description: 'Groups in the period, over all pages; null for employers, who are not counted (see `more`)',
  })
  total: number | null;

  @ApiProperty({ description: 'Whether a group comes after this page' })
  more: boolean;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ type: ReportScopeView })
  scope: ReportScopeView;

  @ApiProperty({ type: ReportPeriodView })
  period: ReportPeriodView;

  @ApiProperty({ type: [BreakdownItemView] })
  items: BreakdownItemView[];
}

/** Before the festival: open cases and what they still owe. */
export class FestivalFiguresView {
  @ApiProperty({ type: 'integer' })
  openCases: number;

  @ApiProperty({ type: 'integer', description: 'Open cases on which someone is still owed' })
  casesOwing: number;

  @ApiProperty({ type: 'integer', description: 'Workers not yet paid in full' })
  workersOwed: number;

  @ApiProperty({ example: '240000.00', description: 'Yuan still owed' })
  unpaid: string;

  @ApiProperty({ type: 'integer', description: 'Open cases with claims not yet confirmed (未核实)' })
  casesUnverified: number;
}

export class FestivalItemView extends FestivalFiguresView {
  @ApiProperty({ format: 'uuid', description: 'The organisation' })
  key: string;

  @ApiProperty({ example: '顺义区总工会' })
  label: string;

  @ApiProperty({ example: 'SY' })
  detail: string;
}

export class FestivalSeasonView {
  @ApiProperty({ type: 'integer', example: 2027, description: "The year of the season's Spring Festival" })
  festivalYear: number;

  @ApiProperty({ format: 'date', example: '2027-02-06', description: '春节' })
  festival: string;

  @ApiProperty({ format: 'date', example: '2027-02-05', description: '除夕' })
  eve: string;

  @ApiProperty({ type: 'integer', example: 75, description: 'Calendar days from today to the eve: 0 on the eve, negative after it' })
  daysToEve: number;

  @ApiProperty({ type: NextTargetView, nullable: true })
  nextTarget: NextTargetView | null;
}

export class FestivalReportView {
  @ApiProperty({ type: ReportScopeView })
  scope: ReportScopeView;

  @ApiProperty({ type: FestivalSeasonView })
  season: FestivalSeasonView;

  @ApiProperty({
    format: 'date',
    example: '2026-11-30',
    description:
      "The day the figures stand at the end of: today until the season's eve, the eve once it has passed " +
      '(cases opened by then and not concluded by then, paid by then)',
  })
  asOf: string;

  @ApiProperty({ type: FestivalFiguresView })
  totals: FestivalFiguresView;

  @ApiProperty({ type: [FestivalItemView], description: 'Per organisation below the scope, most owed first' })
  items: FestivalItemView[];
}

export class EmployerHistoryEmployerView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '北京某某园林绿化有限公司' })
  name: string;

  @ApiProperty({ example: '91110113MA01ABCD2X' })
  creditCode: string;

  @ApiProperty({ enum: EMPLOYER_KINDS, enumName: 'EmployerKind' })
  kind: EmployerKind;

  @ApiProperty({ enum: INDUSTRIES, enumName: 'Industry', nullable: true })
  industry: Industry | null;

  @ApiProperty({ type: String, nullable: true, example: '顺义区' })
  district: string | null;
}

/** The amounts of the crime of refusing to pay labour remuneration the record was judged by. */
export class EmployerHistoryThresholdsView {
  @ApiProperty({ type: String, nullable: true, example: '北京市', description: 'null: the lowest figures the law allows any province' })
  province: string | null;

  @ApiProperty({ example: '5000.00', description: 'One worker owed three months or more' })
  individualAmount: string;

  @ApiProperty({ example: '30000.00', description: 'Ten workers or more, owed in total' })
  groupAmount: string;
}

/** One test of the list of employers subject to joint punishment (失信联合惩戒对象名单). */
export class JointPunishmentFlagView {
  @ApiProperty({ enum: JOINT_PUNISHMENT_CRITERIA, enumName: 'JointPunishmentCriterion' })
  criterion: JointPunishmentCriterion;

  @ApiProperty()
  met: boolean;

  @ApiProperty({ description: 'Part of the listing test itself (true), or only pointing to it (false)' })
  listingCriterion: boolean;

  @ApiProperty({ description: 'The rule it comes from' })
  basis: string;

  @ApiProperty({ type: [String], example: ['SY-2027-00042'] })
  caseNumbers: string[];
}

export class EmployerHistoryTotalsView {
  @ApiProperty({ type: 'integer' })
  cases: number;

  @ApiProperty({ type: 'integer' })
  workers: number;

  @ApiProperty({ example: '250000.00' })
  claimed: string;

  @ApiProperty({ example: '240000.00' })
  owed: string;

  @ApiProperty({ example: '200000.00' })
  paid: string;

  @ApiProperty({ example: '40000.00' })
  outstanding: string;
}

/** A case of the employer's record. */
export class EmployerHistoryCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'SY-2027-00042' })
  caseNumber: string;

  @ApiProperty({ enum: CHAIN_ROLES, enumName: 'EmployerRole' })
  role: ChainRole;

  @ApiProperty({ example: '顺义区总工会', description: 'The organisation handling the case' })
  organisation: string;

  @ApiProperty({ format: 'date', example: '2026-11-12' })
  intakeDate: string;

  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  status: CaseStatus;

  @ApiProperty({ enum: CLOSING_OUTCOMES, enumName: 'CaseOutcome', nullable: true })
  outcome: ClosingOutcome | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-01-20' })
  closedOn: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'police', description: 'Where the case was referred or the worker sent' })
  referredTo: string | null;

  @ApiProperty({ type: 'integer' })
  workers: number;

  @ApiProperty({ type: 'integer' })
  workersOwed: number;

  @ApiProperty({ example: '250000.00' })
  claimed: string;

  @ApiProperty({ example: '240000.00' })
  owed: string;

  @ApiProperty({ example: '200000.00' })
  paid: string;

  @ApiProperty({ example: '40000.00' })
  outstanding: string;
}

/** An employer's record in the caller's scope: every case, in any role of the chain, and the listing flags. */
export class EmployerHistoryView {
  @ApiProperty({ type: EmployerHistoryEmployerView })
  employer: EmployerHistoryEmployerView;

  @ApiProperty({ type: EmployerHistoryThresholdsView })
  thresholds: EmployerHistoryThresholdsView;

  @ApiProperty({ description: 'The labour bureau’s order ignored and the criminal amount reached (art. 5 of the interim measures)' })
  meetsListingCriteria: boolean;

  @ApiProperty({ type: [JointPunishmentFlagView] })
  flags: JointPunishmentFlagView[];

  @ApiProperty({ type: EmployerHistoryTotalsView })
  totals: EmployerHistoryTotalsView;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { mediating: 1, closed_paid_in_full: 3 },
    description: 'Cases per status; closed ones per outcome, as closed_<outcome>',
  })
  outcomes: Record<string, number>;

  @ApiProperty({ type: [EmployerHistoryCaseView], description: 'Newest first' })
  cases: EmployerHistoryCaseView[];
}

export function toMoneyByKindView(money: MoneyByKind): MoneyByKindView {
  return {
    total: formatYuan(money.totalFen),
    wages: formatYuan(money.wagesFen),
    labourFees: formatYuan(money.labourFeesFen),
    other: formatYuan(money.otherFen),
  };
}

export function toFiguresView(figures: CaseFigures): ReportFiguresView {
  return {
    casesOpened: figures.casesOpened,
    casesConcluded: figures.casesConcluded,
    completionRate: figures.completionRate,
    workersHelped: figures.workersHelped,
    claimed: formatYuan(figures.claimedFen),
    confirmed: formatYuan(figures.confirmedFen),
    owed: formatYuan(figures.owedFen),
    recovered: formatYuan(figures.recoveredFen),
    recoveryRate: figures.recoveryRate,
    unpaid: formatYuan(figures.unpaidFen),
    owedByKind: toMoneyByKindView(figures.owedByKind),
    recoveredByKind: toMoneyByKindView(figures.recoveredByKind),
    unpaidByKind: toMoneyByKindView(figures.unpaidByKind),
    paidInPeriod: toMoneyByKindView(figures.paidInPeriod),
    casesPaidInFull: figures.casesPaidInFull,
    medianDaysToFullPayment: figures.medianDaysToFullPayment,
    p90DaysToFullPayment: figures.p90DaysToFullPayment,
  };
}

export function toReportSummaryView(summary: Summary): ReportSummaryView {
  return {
    scope: summary.scope,
    period: summary.period,
    ...toFiguresView(summary.figures),
    casesClosedInPeriod: summary.casesClosedInPeriod,
    recoveredHandedOver: formatYuan(summary.figures.recoveredFen - summary.recoveredHeldFen),
    recoveredHeld: formatYuan(summary.recoveredHeldFen),
    consultations: summary.consultations,
    outreachVisits: summary.outreachVisits,
  };
}

export function toBreakdownItemView(item: BreakdownItem): BreakdownItemView {
  return {
    key: item.key,
    label: item.label,
    detail: item.detail,
    ...toFiguresView(item.figures),
    consultations: item.consultations,
    outreachVisits: item.outreachVisits,
  };
}

export function toBreakdownView(
  report: { scope: ReportScope; period: Period; items: BreakdownItem[]; total: number | null; more: boolean },
  page: { page: number; pageSize: number },
): BreakdownView {
  return {
    scope: report.scope,
    period: report.period,
    items: report.items.map(toBreakdownItemView),
    total: report.total,
    more: report.more,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export function toFestivalFiguresView(figures: Omit<FestivalItem, 'key' | 'label' | 'detail'>): FestivalFiguresView {
  return {
    openCases: figures.openCases,
    casesOwing: figures.casesOwing,
    workersOwed: figures.workersOwed,
    unpaid: formatYuan(figures.unpaidFen),
    casesUnverified: figures.casesUnverified,
  };
}

export function toFestivalItemView(item: FestivalItem): FestivalItemView {
  return { key: item.key, label: item.label, detail: item.detail, ...toFestivalFiguresView(item) };
}

export function toFestivalReportView(report: {
  scope: ReportScope;
  season: FestivalSeasonView;
  asOf: string;
  totals: Omit<FestivalItem, 'key' | 'label' | 'detail'>;
  items: FestivalItem[];
}): FestivalReportView {
  return {
    scope: report.scope,
    season: report.season,
    asOf: report.asOf,
    totals: toFestivalFiguresView(report.totals),
    items: report.items.map(toFestivalItemView),
  };
}

export function toEmployerHistoryView(history: EmployerHistory): EmployerHistoryView {
  return {
    employer: history.employer,
    thresholds: {
      province: history.thresholds.province,
      individualAmount: formatYuan(history.thresholds.individualFen),
      groupAmount: formatYuan(history.thresholds.groupFen),
    },
    meetsListingCriteria: history.meetsListingCriteria,
    flags: history.flags,
    totals: {
      cases: history.totals.cases,
      workers: history.totals.workers,
      claimed: formatYuan(history.totals.claimedFen),
      owed: formatYuan(history.totals.owedFen),
      paid: formatYuan(history.totals.paidFen),
      outstanding: formatYuan(history.totals.outstandingFen),
    },
    outcomes: history.outcomes,
    cases: history.cases.map((row) => ({
      id: row.id,
      caseNumber: row.case_number,
      role: row.role,
      organisation: row.organisation_name,
      intakeDate: row.intake_date,
      status: row.status,
      outcome: row.outcome,
      closedOn: row.closed_on,
      referredTo: row.referred_to,
      workers: row.workers,
      workersOwed: row.workers_owed,
      claimed: formatYuan(BigInt(row.claimed_fen)),
      owed: formatYuan(BigInt(row.owed_fen)),
      paid: formatYuan(BigInt(row.paid_fen)),
      outstanding: formatYuan(row.outstandingFen),
    })),
  };
}

/** The columns of every figures table (summary and breakdowns), with Chinese headings for exports. */
export const FIGURE_COLUMNS: ExportColumn<CaseFigures>[] = [
  { header: '受理案件数', kind: 'integer', value: (f) => f.casesOpened },
  { header: '办结案件数', kind: 'integer', value: (f) => f.casesConcluded },
  { header: '办结率', kind: 'ratio', value: (f) => f.completionRate },
  { header: '涉及农民工（人次）', kind: 'integer', value: (f) => f.workersHelped },
  { header: '主张金额（元）', kind: 'yuan', value: (f) => f.claimedFen },
  { header: '确认金额（元）', kind: 'yuan', value: (f) => f.confirmedFen },
  { header: '应付金额（元）', kind: 'yuan', value: (f) => f.owedFen },
  { header: '追回金额（元）', kind: 'yuan', value: (f) => f.recoveredFen },
  { header: '追回率', kind: 'ratio', value: (f) => f.recoveryRate },
  { header: '未结案件尚欠（元）', kind: 'yuan', value: (f) => f.unpaidFen },
  { header: '全额支付案件数', kind: 'integer', value: (f) => f.casesPaidInFull },
  { header: '受理至全额支付天数（中位数）', kind: 'decimal', value: (f) => f.medianDaysToFullPayment },
  { header: '受理至全额支付天数（90%分位）', kind: 'decimal', value: (f) => f.p90DaysToFullPayment },
  ...byKindColumns('应付', (f) => f.owedByKind),
  ...byKindColumns('追回', (f) => f.recoveredByKind),
  ...byKindColumns('未结案件尚欠', (f) => f.unpaidByKind),
  { header: '期内支付金额（元）', kind: 'yuan', value: (f) => f.paidInPeriod.totalFen },
  ...byKindColumns('期内支付', (f) => f.paidInPeriod),
];

/** An amount's wages, labour fees and other claims, as three columns: 应付工资（元）, 应付劳务费（元）, 应付其他（元）. */
function byKindColumns(heading: string, money: (figures: CaseFigures) => MoneyByKind): ExportColumn<CaseFigures>[] {
  return [
    { header: `${heading}工资（元）`, kind: 'yuan', value: (f) => money(f).wagesFen },
    { header: `${heading}劳务费（元）`, kind: 'yuan', value: (f) => money(f).labourFeesFen },
    { header: `${heading}其他（元）`, kind: 'yuan', value: (f) => money(f).otherFen },
  ];
}

/** The summary as one row: the figures, then what was concluded in the period and the desk's work. */
export const SUMMARY_COLUMNS: ExportColumn<Summary>[] = [
  { header: '统计起始日', kind: 'date', value: (summary) => summary.period.from },
  { header: '统计截止日', kind: 'date', value: (summary) => summary.period.to },
  ...FIGURE_COLUMNS.map((column) => ({ ...column, value: (summary: Summary) => column.value(summary.figures) })),
  { header: '期内办结案件数', kind: 'integer', value: (summary) => summary.casesClosedInPeriod },
  { header: '已追回且已到工人手中（元）', kind: 'yuan', value: (summary) => summary.figures.recoveredFen - summary.recoveredHeldFen },
  { header: '已追回尚在代管（元）', kind: 'yuan', value: (summary) => summary.recoveredHeldFen },
  { header: '咨询接待（次）', kind: 'integer', value: (summary) => summary.consultations },
  { header: '走访企业（次）', kind: 'integer', value: (summary) => summary.outreachVisits },
];

const DIMENSION_HEADINGS: Record<string, [label: string, detail: string]> = {
  organisation: ['单位', '单位代码'],
  industry: ['行业', ''],
  employer: ['用人单位', '统一社会信用代码'],
  project: ['项目', '工地'],
  lawyer: ['值班律师', '账号'],
  mediator: ['调解员', '账号'],
  month: ['月份', ''],
};

export function breakdownColumns(dimension: string): ExportColumn<BreakdownItem>[] {
  const [label, detail] = DIMENSION_HEADINGS[dimension];
  return [
    { header: label, kind: 'text', value: (item) => item.label ?? '（未填写）' },
    ...(detail ? [{ header: detail, kind: 'text' as const, value: (item: BreakdownItem) => item.detail }] : []),
    ...FIGURE_COLUMNS.map((column) => ({ ...column, value: (item: BreakdownItem) => column.value(item.figures) })),
    { header: '咨询接待（次）', kind: 'integer', value: (item) => item.consultations },
    { header: '走访企业（次）', kind: 'integer', value: (item) => item.outreachVisits },
  ];
}

export type FestivalExportRow = Omit<FestivalItem, 'key'> & { eve: string; daysToEve: number };

export const FESTIVAL_COLUMNS: ExportColumn<FestivalExportRow>[] = [
  { header: '单位', kind: 'text', value: (item) => item.label },
  { header: '单位代码', kind: 'text', value: (item) => item.detail },
  { header: '在办案件数', kind: 'integer', value: (item) => item.openCases },
  { header: '尚有欠薪案件数', kind: 'integer', value: (item) => item.casesOwing },
  { header: '尚未足额领薪（人）', kind: 'integer', value: (item) => item.workersOwed },
  { header: '尚欠金额（元）', kind: 'yuan', value: (item) => item.unpaidFen },
  { header: '未核实案件数', kind: 'integer', value: (item) => item.casesUnverified },
  { header: '除夕', kind: 'date', value: (item) => item.eve },
  { header: '距除夕天数', kind: 'integer', value: (item) => item.daysToEve },
];

export const EMPLOYER_CASE_COLUMNS: ExportColumn<EmployerHistory['cases'][number]>[] = [
  { header: '案件编号', kind: 'text', value: (row) => row.case_number },
  { header: '承办单位', kind: 'text', value: (row) => row.organisation_name },
  { header: '在链条中的角色', kind: 'text', value: (row) => chineseLabel('chainRole', row.role) },
  { header: '受理日期', kind: 'date', value: (row) => row.intake_date },
  { header: '状态', kind: 'text', value: (row) => chineseLabel('caseStatus', row.status) },
  { header: '结果', kind: 'text', value: (row) => chineseLabel('closingOutcome', row.outcome) },
  { header: '结案日期', kind: 'date', value: (row) => row.closed_on },
  { header: '涉及人数', kind: 'integer', value: (row) => row.workers },
  { header: '主张金额（元）', kind: 'yuan', value: (row) => row.claimed_fen },
  { header: '应付金额（元）', kind: 'yuan', value: (row) => row.owed_fen },
  { header: '已支付（元）', kind: 'yuan', value: (row) => row.paid_fen },
  { header: '尚欠（元）', kind: 'yuan', value: (row) => row.outstandingFen },
];

/** One group's callbacks after closing (回访) due in the period, counted, with the two rates. */
export class CallbackFiguresView {
  @ApiProperty({ type: String, nullable: true, description: 'The organisation’s, mediator’s or lawyer’s id; null for the total or for cases without one' })
  key: string | null;
  @ApiProperty({ type: String, nullable: true, example: '顺义区总工会' })
  label: string | null;
  @ApiProperty({ type: 'integer', description: 'Callbacks due in the period' })
  due: number;
  @ApiProperty({ type: 'integer' })
  answered: number;
  @ApiProperty({ type: 'integer', description: 'The worker or the group’s representative reached' })
  reached: number;
  @ApiProperty({ type: 'integer' })
  satisfied: number;
  @ApiProperty({ type: 'integer' })
  basicallySatisfied: number;
  @ApiProperty({ type: 'integer' })
  notSatisfied: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.9914, description: '回访率: reached ÷ due' })
  callbackRate: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.97, description: '满意率: (satisfied + basically satisfied) ÷ reached' })
  satisfactionRate: number | null;
}

export class CallbackReportView {
  @ApiProperty({ type: ReportScopeView })
  scope: ReportScopeView;
  @ApiProperty({ type: ReportPeriodView })
  period: ReportPeriodView;
  @ApiProperty({ enum: CALLBACK_GROUPINGS, enumName: 'CallbackGrouping' })
  by: CallbackGrouping;
  @ApiProperty({ type: CallbackFiguresView })
  total: CallbackFiguresView;
  @ApiProperty({ type: [CallbackFiguresView] })
  items: CallbackFiguresView[];
}

export function toCallbackReportView(report: CallbackReport): CallbackReportView {
  return { scope: report.scope, period: report.period, by: report.by, total: report.total, items: report.items };
}

export const CALLBACK_COLUMNS: ExportColumn<CallbackFigures>[] = [
  { header: '名称', kind: 'text', value: (row) => row.label ?? '（未指定）' },
  { header: '应回访（件）', kind: 'integer', value: (row) => row.due },
  { header: '已回访（件）', kind: 'integer', value: (row) => row.answered },
  { header: '联系上（件）', kind: 'integer', value: (row) => row.reached },
  { header: '满意', kind: 'integer', value: (row) => row.satisfied },
  { header: '基本满意', kind: 'integer', value: (row) => row.basicallySatisfied },
  { header: '不满意', kind: 'integer', value: (row) => row.notSatisfied },
  { header: '回访率', kind: 'ratio', value: (row) => row.callbackRate },
  { header: '满意率', kind: 'ratio', value: (row) => row.satisfactionRate },
];
