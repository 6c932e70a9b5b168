import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download } from '../common/api/client';
import { DateInput } from '../common/format/date-input';
import { showApiErrors } from '../common/forms';
import { useMessagesWith } from '../common/i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import { useToast } from '../common/layout/toast';
import { OrganisationPicker } from '../cases/pickers';
import { caseListPath, type CaseFilters } from './drill-down';

/** The period and organisation of a report page, as the address has them (none: the API's defaults). */
export interface ReportQuery {
  from?: string;
  to?: string;
  organisationId?: string;
}

/**
 * The period and the organisation live in the address, so a link reproduces the view; changing either
 * goes back to the first page of a table.
 */
export function useReportQuery() {
  const [params, setParams] = useSearchParams();
  const query: ReportQuery = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    organisationId: params.get('organisationId') ?? undefined,
  };
  const change = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  return { query, params, change };
}

/** The query string of an API report with the view's period and organisation (and anything else given). */
export function reportQueryString(query: ReportQuery, extra: Record<string, string> = {}): string {
  return new URLSearchParams(Object.entries({ ...query, ...extra }).filter((entry): entry is [string, string] => !!entry[1])).toString();
}

/** The period pickers (showing the period the API counted when none is chosen: the season so far) and the organisation. */
export function ReportFilters({ query, period, onChange }: { query: ReportQuery; period?: { from: string; to: string }; onChange(changes: ReportQuery): void }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const from = query.from ?? period?.from;
  const to = query.to ?? period?.to;
  return (
    <Space wrap aria-label={t.period}>
      <Space.Compact>
        <DateInput label={`${t.period}：${t.from}`} value={from} max={to} onChange={(value) => onChange({ from: value })} />
        <DateInput label={`${t.period}：${t.to}`} value={to} min={from} onChange={(value) => onChange({ to: value })} />
      </Space.Compact>
      {(query.from || query.to) && <Button onClick={() => onChange({ from: undefined, to: undefined })}>{t.thisSeason}</Button>}
      <OrganisationPicker value={query.organisationId} onChange={(organisationId) => onChange({ organisationId })} />
    </Space>
  );
}

/** "导出 Excel": the API's spreadsheet of the data behind a chart or table, fetched with the login and saved. */
export function ExportButton({ path, fileName, label }: { path: string; fileName: string; label?: string }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(path, fileName);
    } catch (error) {
      void toast.error(showApiErrors(null, error, m) ?? m.dashboard.exportFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void run()} loading={busy}>
      {label ?? m.common.export}
    </Button>
  );
}

/** A figure that opens its cases in the case list, or plain text when no filter selects exactly them. */
export function CasesLink({ filters, children, label }: { filters: CaseFilters | null; children: ReactNode; label?: string }) {
  if (!filters) return <>{children}</>;
  return (
    <Link to={caseListPath(filters)} aria-label={label}>
      {children}
    </Link>
  );
}
