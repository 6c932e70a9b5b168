import { chineseLabel } from '../common/labels/labels';
import { ExportColumn } from '../common/export/tabular-export';
import type { CaseExportRow } from './cases.sql';

/** The case list as a spreadsheet: one row per case, amounts in yuan as numbers. */
export const CASE_EXPORT_COLUMNS: ExportColumn<CaseExportRow>[] = [
  { header: '案件编号', kind: 'text', value: (row) => row.case_number },
  { header: '受理日期', kind: 'date', value: (row) => row.intake_date },
  { header: '受理渠道', kind: 'text', value: (row) => chineseLabel('intakeChannel', row.intake_channel) },
  { header: '状态', kind: 'text', value: (row) => chineseLabel('caseStatus', row.status) },
  { header: '结果', kind: 'text', value: (row) => chineseLabel('closingOutcome', row.outcome) },
  { header: '承办单位', kind: 'text', value: (row) => row.organisation_name },
  { header: '用人单位', kind: 'text', value: (row) => row.employer_names },
  { header: '律师', kind: 'text', value: (row) => row.lawyer_name },
  { header: '调解员', kind: 'text', value: (row) => row.mediator_name },
  { header: '涉及人数', kind: 'integer', value: (row) => row.workers },
  { header: '尚未足额领薪（人）', kind: 'integer', value: (row) => row.workers_owed },
  { header: '主张金额（元）', kind: 'yuan', value: (row) => row.claimed_fen },
  { header: '确认金额（元）', kind: 'yuan', value: (row) => row.confirmed_fen },
  { header: '已支付（元）', kind: 'yuan', value: (row) => row.paid_fen },
  { header: '尚欠（元）', kind: 'yuan', value: (row) => BigInt(row.owed_fen) - BigInt(row.paid_fen) },
  { header: '案情摘要', kind: 'text', value: (row) => row.summary },
];
