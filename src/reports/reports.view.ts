import { chineseLabelOf } from '../common/errors/labels';
import { formatYuan } from '../common/money/money';
import { ExportColumn } from '../common/export/tabular-export';
import { CaseFigures } from './domain/figures';
import type { BreakdownItem, EmployerHistory, FestivalItem, Summary } from './reports.service';

/** Figures as the API shows them: amounts in yuan strings (exact), rates as fractions. */
export function toFiguresView(figures: CaseFigures) {
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
    casesPaidInFull: figures.casesPaidInFull,
    medianDaysToFullPayment: figures.medianDaysToFullPayment,
    p90DaysToFullPayment: figures.p90DaysToFullPayment,
  };
}

export function toBreakdownItemView(item: BreakdownItem) {
  return {
    key: item.key,
    label: item.label,
    detail: item.detail,
    ...toFiguresView(item.figures),
    consultations: item.consultations,
    outreachVisits: item.outreachVisits,
  };
}

export function toFestivalItemView(item: Omit<FestivalItem, 'key' | 'label' | 'detail'> & Partial<FestivalItem>) {
  return {
    key: item.key,
    label: item.label,
    detail: item.detail,
    openCases: item.openCases,
    casesOwing: item.casesOwing,
    workersOwed: item.workersOwed,
    unpaid: formatYuan(item.unpaidFen),
    casesUnverified: item.casesUnverified,
  };
}

export function toEmployerHistoryView(history: EmployerHistory) {
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
];

/** The summary as one row: the figures, then what was concluded in the period and the desk's work. */
export const SUMMARY_COLUMNS: ExportColumn<Summary>[] = [
  { header: '统计起始日', kind: 'date', value: (summary) => summary.period.from },
  { header: '统计截止日', kind: 'date', value: (summary) => summary.period.to },
  ...FIGURE_COLUMNS.map((column) => ({ ...column, value: (summary: Summary) => column.value(summary.figures) })),
  { header: '期内办结案件数', kind: 'integer', value: (summary) => summary.casesClosedInPeriod },
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
  { header: '在链条中的角色', kind: 'text', value: (row) => chineseLabelOf(row.role) },
  { header: '受理日期', kind: 'date', value: (row) => row.intake_date },
  { header: '状态', kind: 'text', value: (row) => chineseLabelOf(row.status) },
  { header: '结果', kind: 'text', value: (row) => chineseLabelOf(row.outcome) },
  { header: '结案日期', kind: 'date', value: (row) => row.closed_on },
  { header: '涉及人数', kind: 'integer', value: (row) => row.workers },
  { header: '主张金额（元）', kind: 'yuan', value: (row) => row.claimed_fen },
  { header: '应付金额（元）', kind: 'yuan', value: (row) => row.owed_fen },
  { header: '已支付（元）', kind: 'yuan', value: (row) => row.paid_fen },
  { header: '尚欠（元）', kind: 'yuan', value: (row) => row.outstandingFen },
];
