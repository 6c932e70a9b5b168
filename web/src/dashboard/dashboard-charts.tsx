import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Schemas } from '../common/api/client';
import { EmptyText } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import { employerRecordPath } from '../employers/employer-link';
import { BarChart, type BarSeries } from './charts/bar-chart';
import { caseListPath, drillDown, drillDownFestival, type CaseFilters, type ReportView } from './drill-down';
import { barLength, percent, yuanText } from './format';
import { useBreakdown, useFestival } from './report-queries';
import { CasesLink, ExportButton, reportQueryString, type ReportQuery } from './report-view';

type BreakdownItem = Schemas['BreakdownItemView'];
type FestivalItem = Schemas['FestivalItemView'];

/** Colours with a contrast of 3:1 or more against white (WCAG 1.4.11 for graphics). */
const BLUE = '#1668dc';
const ORANGE = '#d4380d';
const GREEN = '#389e0d';

/** The dashboard's four charts, each with its data table and its export. */
export default function DashboardCharts({ query, view }: { query: ReportQuery; view: ReportView }) {
  return (
    <div className="report-charts">
      <RecoveredByMonth query={query} view={view} />
      <UnpaidBeforeFestival query={query} view={view} />
      <RepeatOffenders query={query} view={view} />
      <CompletionByOrganisation query={query} view={view} />
    </div>
  );
}

/** Opens the cases behind a bar, when the list can select exactly them. */
function useOpenCases() {
  const navigate = useNavigate();
  return (filters: CaseFilters | null) => {
    if (filters) void navigate(caseListPath(filters));
  };
}

/** "title: a ¥1; b ¥2; …" for a screen reader, the first dozen bars (the table has them all). */
function chartLabel(title: string, categories: string[], labels: string[], more: (n: number) => string): string {
  const shown = categories.slice(0, 12).map((category, i) => `${category} ${labels[i]}`);
  if (categories.length > 12) shown.push(more(categories.length - 12));
  return `${title}：${shown.join('；')}`;
}

function ChartCard({ id, title, note, exportPath, exportName, empty, chart, table }: {
  id: string;
  title: string;
  note: string;
  exportPath: string;
  exportName: string;
  empty: boolean;
  chart: ReactNode;
  table: ReactNode;
}) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  return (
    <div className="report-panel">
      <section aria-labelledby={id}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </Typography.Title>
          <ExportButton path={exportPath} fileName={exportName} />
        </div>
        <p className="report-note" style={{ marginTop: 4 }}>{note}</p>
        {empty ? (
          <EmptyText>{m.dashboard.charts.noData}</EmptyText>
        ) : (
          <>
            {chart}
            <details className="report-table">
              <summary>{m.dashboard.charts.table}</summary>
              {table}
            </details>
          </>
        )}
      </section>
    </div>
  );
}

/** A small table under a chart: the same rows, every number a link. */
function DataTable<Row extends object>({ rows, columns, rowKey }: { rows: Row[]; columns: TableProps<Row>['columns']; rowKey: (row: Row) => string }) {
  return <Table<Row> size="small" rowKey={rowKey} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />;
}

/** The money paid to workers in each month of the period, by the day it was paid (the month breakdown's paidInPeriod). */
function RecoveredByMonth({ query, view }: { query: ReportQuery; view: ReportView }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const open = useOpenCases();
  // a period is at most a few seasons long: every month fits on one page
  const months = useBreakdown('month', query, 1, 200);
  const items = months.data?.items ?? [];
  const categories = items.map((item) => item.label ?? '');
  const series: BarSeries[] = [
    { name: t.figures.paidInPeriod, unit: t.charts.amountAxis, colour: BLUE, values: items.map((item) => barLength(item.paidInPeriod.total)), labels: items.map((item) => yuanText(item.paidInPeriod.total)) },
  ];
  const group = (item: BreakdownItem) => ({ dimension: 'month' as const, key: item.key });
  return (
    <ChartCard
      id="chart-by-month"
      title={t.charts.byMonth}
      note={t.charts.byMonthNote}
      exportPath={`/reports/breakdowns/month?${reportQueryString(query, { format: 'xlsx' })}`}
      exportName="month.xlsx"
      empty={months.isSuccess && items.length === 0}
      chart={
        months.data && (
          <BarChart
            label={chartLabel(t.charts.byMonth, categories, series[0].labels, t.charts.more)}
            categories={categories}
            series={series}
            height={260}
            onSelect={(_, index) => open(drillDown('paidInPeriod', view, group(items[index])))}
          />
        )
      }
      table={
        <DataTable<BreakdownItem>
          rows={items}
          rowKey={(item) => item.key ?? ''}
          columns={[
            { title: t.columns.month, key: 'month', render: (_, item) => item.label },
            {
              title: t.columns.paidInPeriod, key: 'paid', align: 'right',
              render: (_, item) => <CasesLink filters={drillDown('paidInPeriod', view, group(item))}><Money yuan={item.paidInPeriod.total} /></CasesLink>,
            },
            {
              title: t.columns.casesOpened, key: 'opened', align: 'right',
              render: (_, item) => <CasesLink filters={drillDown('casesOpened', view, group(item))}>{item.casesOpened}</CasesLink>,
            },
          ]}
        />
      }
    />
  );
}

/** What open cases still owe before the festival, per organisation one level down (the festival view, as of today). */
function UnpaidBeforeFestival({ query, view }: { query: ReportQuery; view: ReportView }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const open = useOpenCases();
  const festival = useFestival(query.organisationId);
  const items = festival.data?.items ?? [];
  const scope = { scopeOrganisationId: festival.data?.scope.organisationId ?? view.scopeOrganisationId };
  const nameOf = (item: FestivalItem) => (item.key === scope.scopeOrganisationId ? t.columns.ownCases : item.label);
  const categories = items.map(nameOf);
  const series: BarSeries[] = [
    { name: t.columns.unpaid, unit: t.charts.amountAxis, colour: ORANGE, values: items.map((item) => barLength(item.unpaid)), labels: items.map((item) => yuanText(item.unpaid)) },
  ];
  const link = (figure: 'openCases' | 'casesOwing' | 'workersOwed' | 'unpaid' | 'casesUnverified', item: FestivalItem, text: ReactNode) => (
    <CasesLink filters={drillDownFestival(figure, item.key, scope)}>{text}</CasesLink>
  );
  return (
    <ChartCard
      id="chart-festival"
      title={t.charts.festival}
      note={festival.data ? t.charts.festivalNote(festival.data.asOf, festival.data.season.daysToEve) : ''}
      exportPath={`/reports/festival?${reportQueryString({ organisationId: query.organisationId }, { format: 'xlsx' })}`}
      exportName="festival.xlsx"
      empty={festival.isSuccess && items.length === 0}
      chart={
        festival.data && (
          <BarChart
            label={chartLabel(t.charts.festival, categories, series[0].labels, t.charts.more)}
            categories={categories}
            series={series}
            horizontal
            height={Math.max(160, 48 + items.length * 32)}
            onSelect={(_, index) => open(drillDownFestival('unpaid', items[index].key, scope))}
          />
        )
      }
      table={
        <DataTable<FestivalItem>
          rows={items}
          rowKey={(item) => item.key}
          columns={[
            { title: t.columns.organisation, key: 'organisation', render: (_, item) => nameOf(item) },
            { title: t.columns.openCases, key: 'open', align: 'right', render: (_, item) => link('openCases', item, item.openCases) },
            { title: t.columns.casesOwing, key: 'owing', align: 'right', render: (_, item) => link('casesOwing', item, item.casesOwing) },
            { title: t.columns.workersOwed, key: 'workers', align: 'right', render: (_, item) => link('workersOwed', item, item.workersOwed) },
            { title: t.columns.unpaid, key: 'unpaid', align: 'right', render: (_, item) => link('unpaid', item, <Money yuan={item.unpaid} />) },
            { title: t.columns.casesUnverified, key: 'unverified', align: 'right', render: (_, item) => link('casesUnverified', item, item.casesUnverified) },
          ]}
        />
      }
    />
  );
}

/** The employers with the most cases, then the most still owed (the API's order of the employer breakdown), top ten. */
function RepeatOffenders({ query, view }: { query: ReportQuery; view: ReportView }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const open = useOpenCases();
  const employers = useBreakdown('employer', query, 1, 10);
  const items = employers.data?.items ?? [];
  const categories = items.map((item) => item.label ?? t.columns.withoutOne);
  const series: BarSeries[] = [
    { name: t.columns.casesOpened, unit: t.charts.casesAxis, colour: BLUE, wholeNumbers: true, values: items.map((item) => item.casesOpened), labels: items.map((item) => t.figures.casesUnit(item.casesOpened)) },
    { name: t.columns.unpaid, unit: t.charts.amountAxis, colour: ORANGE, values: items.map((item) => barLength(item.unpaid)), labels: items.map((item) => yuanText(item.unpaid)) },
  ];
  const group = (item: BreakdownItem) => ({ dimension: 'employer' as const, key: item.key });
  return (
    <ChartCard
      id="chart-employers"
      title={t.charts.employers}
      note={t.charts.employersNote}
      exportPath={`/reports/breakdowns/employer?${reportQueryString(query, { format: 'xlsx' })}`}
      exportName="employers.xlsx"
      empty={employers.isSuccess && items.length === 0}
      chart={
        employers.data && (
          <BarChart
            label={chartLabel(t.charts.employers, categories, series[0].labels.map((cases, i) => `${cases} ${series[1].labels[i]}`), t.charts.more)}
            categories={categories}
            series={series}
            horizontal
            height={Math.max(200, 80 + items.length * 40)}
            onSelect={(seriesIndex, index) => open(drillDown(seriesIndex === 0 ? 'casesOpened' : 'unpaid', view, group(items[index])))}
          />
        )
      }
      table={
        <DataTable<BreakdownItem>
          rows={items}
          rowKey={(item) => item.key ?? ''}
          columns={[
            {
              title: t.columns.employer, key: 'employer',
              render: (_, item) => (item.detail ? <Link to={employerRecordPath(item.detail)}>{item.label}</Link> : t.columns.withoutOne),
            },
            { title: t.columns.casesOpened, key: 'opened', align: 'right', render: (_, item) => <CasesLink filters={drillDown('casesOpened', view, group(item))}>{item.casesOpened}</CasesLink> },
            { title: t.columns.unpaid, key: 'unpaid', align: 'right', render: (_, item) => <CasesLink filters={drillDown('unpaid', view, group(item))}><Money yuan={item.unpaid} /></CasesLink> },
            { title: t.columns.owed, key: 'owed', align: 'right', render: (_, item) => <CasesLink filters={drillDown('owed', view, group(item))}><Money yuan={item.owed} /></CasesLink> },
            { title: t.columns.recovered, key: 'recovered', align: 'right', render: (_, item) => <CasesLink filters={drillDown('recovered', view, group(item))}><Money yuan={item.recovered} /></CasesLink> },
          ]}
        />
      }
    />
  );
}

/** 办结率 of each organisation one level down: of its cases opened in the period, the share concluded. */
function CompletionByOrganisation({ query, view }: { query: ReportQuery; view: ReportView }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const open = useOpenCases();
  const organisations = useBreakdown('organisation', query, 1, 100);
  const items = organisations.data?.items ?? [];
  const nameOf = (item: BreakdownItem) => (item.key === view.scopeOrganisationId ? t.columns.ownCases : (item.label ?? ''));
  const categories = items.map(nameOf);
  const series: BarSeries[] = [
    { name: t.columns.completionRate, unit: '%', colour: GREEN, max: 100, values: items.map((item) => Math.round((item.completionRate ?? 0) * 1000) / 10), labels: items.map((item) => percent(item.completionRate)) },
  ];
  const group = (item: BreakdownItem) => ({ dimension: 'organisation' as const, key: item.key });
  return (
    <ChartCard
      id="chart-completion"
      title={t.charts.completion}
      note={t.charts.completionNote}
      exportPath={`/reports/breakdowns/organisation?${reportQueryString(query, { format: 'xlsx' })}`}
      exportName="organisations.xlsx"
      empty={organisations.isSuccess && items.length === 0}
      chart={
        organisations.data && (
          <BarChart
            label={chartLabel(t.charts.completion, categories, series[0].labels, t.charts.more)}
            categories={categories}
            series={series}
            horizontal
            height={Math.max(160, 48 + items.length * 32)}
            onSelect={(_, index) => open(drillDown('casesConcluded', view, group(items[index])))}
          />
        )
      }
      table={
        <DataTable<BreakdownItem>
          rows={items}
          rowKey={(item) => item.key ?? ''}
          columns={[
            { title: t.columns.organisation, key: 'organisation', render: (_, item) => nameOf(item) },
            { title: t.columns.casesOpened, key: 'opened', align: 'right', render: (_, item) => <CasesLink filters={drillDown('casesOpened', view, group(item))}>{item.casesOpened}</CasesLink> },
            { title: t.columns.casesConcluded, key: 'concluded', align: 'right', render: (_, item) => <CasesLink filters={drillDown('casesConcluded', view, group(item))}>{item.casesConcluded}</CasesLink> },
            { title: t.columns.completionRate, key: 'rate', align: 'right', render: (_, item) => <CasesLink filters={drillDown('completionRate', view, group(item))}>{percent(item.completionRate)}</CasesLink> },
          ]}
        />
      }
    />
  );
}
