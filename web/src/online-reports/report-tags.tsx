import type { Schemas } from '../common/api/client';
import { ColourTag } from '../common/format/labels';
import { useMessagesWith } from '../common/i18n/i18n';
import { onlineReportsMessages } from './online-reports.messages';
import { daysOverdue } from './queue';

const STATUS_COLOURS: Record<string, string> = { submitted: 'orange', accepted: 'green', joined: 'cyan', declined: 'default' };

export function ReportStatusTag({ status }: { status: string }) {
  const t = useMessagesWith({ onlineReports: onlineReportsMessages }).onlineReports;
  return <ColourTag colour={STATUS_COLOURS[status] ?? 'default'}>{t.statuses[status] ?? status}</ColourTag>;
}

/** "超期 N 天" on a report still waiting past its last day; nothing otherwise. */
export function OverdueTag({ report, today }: { report: Pick<Schemas['WorkerReportView'], 'overdue' | 'handleByOn'>; today: string }) {
  const t = useMessagesWith({ onlineReports: onlineReportsMessages }).onlineReports;
  if (!report.overdue) return null;
  // the API judges it overdue by its clock; this device's may lag a little behind it at midnight
  return <ColourTag colour="red">{t.overdue(Math.max(1, daysOverdue(report.handleByOn, today)))}</ColourTag>;
}
