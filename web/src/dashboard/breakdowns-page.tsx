import { Alert, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, NavLink, useParams } from 'react-router';
import type { Schemas } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { Money } from '../common/format/money';
import { useMessages, useMessagesWith } from '../common/i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import { yuanToFen } from '../common/money';
import { employerRecordPath } from '../employers/employer-link';
import { drillDown, type CaseFigure, type Dimension, type ReportView } from './drill-down';
import { percent } from './format';
import { useBreakdown } from './report-queries';
import { CasesLink, ExportButton, ReportFilters, reportQueryString, useReportQuery } from './report-view';
import './dashboard.css';

type Item = Schemas['BreakdownItemView'];
const DIMENSIONS: Dimension[] = ['organisation', 'industry', 'employer', 'project', 'lawyer', 'mediator', 'month'];
/** The breakdowns that count the desk's consultations and outreach visits (the API sends null for the others). */
const WITH_DESK_WORK: Dimension[] = ['organisation', 'lawyer', 'month'];

/**
 * The period's figures per organisation, industry, employer, project, lawyer, mediator or month: a table
 * paged by the API in its own order, sortable within the page (the API takes no sort), every number
 * opening its cases, the whole breakdown exportable.
 */
export default function BreakdownsPage() {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const { dimension = 'organisation' } = useParams();
  const { query, params, change } = useReportQuery();
  const known = (DIMENSIONS as string[]).includes(dimension);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const breakdown = useBreakdown(dimension as Dimension, query, page, pageSize);
  if (!known) return <Navigate to="/breakdowns/organisation" replace />;
  const data = breakdown.data;
  const view: ReportView | undefined = data && {
    from: data.period.from,
    to: data.period.to,
    organisationId: query.organisationId,
    scopeOrganisationId: data.scope.organisationId,
  };
  // the period and the organisation follow from one breakdown to the next; the page does not
  const viewQuery = reportQueryString(query);

  return (
    <div className="report-panel">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t.breakdownsTitle}
          {data && <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 8 }}>{data.scope.name}</span>}
        </Typography.Title>
        <ExportButton
          path={`/reports/breakdowns/${dimension}?${reportQueryString(query, { format: 'xlsx' })}`}
          fileName={`${dimension}.xlsx`}
          label={t.breakdowns.export}
        />
      </div>
      <ReportFilters query={query} period={data?.period} onChange={change} />
      <nav aria-label={t.breakdownsTitle} className="report-dimensions">
        {DIMENSIONS.map((name) => (
          <NavLink key={name} to={`/breakdowns/${name}${viewQuery ? `?${viewQuery}` : ''}`}>
            {t.dimensions[name]}
          </NavLink>
        ))}
      </nav>
      {breakdown.error && <Alert type="error" showIcon role="alert" title={t.loadFailed} description={showApiErrors(null, breakdown.error, m)} />}
      <p className="report-note">{t.breakdowns.sortNote}</p>
      <Table<Item>
        rowKey={(item) => item.key ?? ''}
        size="middle"
        columns={view ? columnsOf(dimension as Dimension, view, m) : []}
        dataSource={data?.items}
        loading={breakdown.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination) => change({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) })}
        pagination={{
          current: page,
          pageSize,
          // employers are not counted: the pager knows the pages so far, and the next one if more follow
          total: !data ? 0 : (data.total ?? (page - 1) * pageSize + data.items.length + (data.more ? 1 : 0)),
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total, [from, to]) => (!data || data.total !== null ? t.breakdowns.total(total) : t.breakdowns.shown(from, to, data.more)),
        }}
      />
    </div>
  );
}

type Messages = ReturnType<typeof useMessages>;

/** Sorts a page by a count, a rate or a number of days; rows without one last. */
const byNumber = (value: (item: Item) => number | null) => (a: Item, b: Item) => (value(a) ?? -1) - (value(b) ?? -1);
/** Sorts a page by an amount of yuan, exactly (in fen). */
const byYuan = (value: (item: Item) => string) => (a: Item, b: Item) => {
  const difference = (yuanToFen(value(a)) ?? 0n) - (yuanToFen(value(b)) ?? 0n);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
};

function columnsOf(dimension: Dimension, view: ReportView, m: Messages & { dashboard: typeof dashboardMessages.zh }): TableProps<Item>['columns'] {
  const t = m.dashboard.columns;
  const link = (figure: CaseFigure, item: Item, text: ReactNode) => (
    <CasesLink filters={drillDown(figure, view, { dimension, key: item.key })}>{text}</CasesLink>
  );
  const count = (figure: CaseFigure, title: string, value: (item: Item) => number) => ({
    title, key: figure, align: 'right' as const, sorter: byNumber(value), render: (_: unknown, item: Item) => link(figure, item, value(item)),
  });
  const money = (figure: CaseFigure, title: string, value: (item: Item) => string) => ({
    title, key: figure, align: 'right' as const, sorter: byYuan(value), render: (_: unknown, item: Item) => link(figure, item, <Money yuan={value(item)} />),
  });
  const rate = (figure: CaseFigure, title: string, value: (item: Item) => number | null) => ({
    title, key: figure, align: 'right' as const, sorter: byNumber(value), render: (_: unknown, item: Item) => link(figure, item, percent(value(item))),
  });
  const days = (figure: CaseFigure, title: string, value: (item: Item) => number | null) => ({
    title, key: figure, align: 'right' as const, sorter: byNumber(value),
    render: (_: unknown, item: Item) => (value(item) === null ? '—' : link(figure, item, m.dashboard.figures.days(value(item)!))),
  });
  const deskWork = WITH_DESK_WORK.includes(dimension)
    ? [
        { title: t.consultations, key: 'consultations', align: 'right' as const, sorter: byNumber((item) => item.consultations), render: (_: unknown, item: Item) => item.consultations },
        { title: t.outreachVisits, key: 'outreachVisits', align: 'right' as const, sorter: byNumber((item) => item.outreachVisits), render: (_: unknown, item: Item) => item.outreachVisits },
      ]
    : [];
  return [
    { title: t[dimension], key: 'label', fixed: 'left', render: (_, item) => <GroupName dimension={dimension} item={item} view={view} /> },
    count('casesOpened', t.casesOpened, (item) => item.casesOpened),
    count('casesConcluded', t.casesConcluded, (item) => item.casesConcluded),
    rate('completionRate', t.completionRate, (item) => item.completionRate),
    count('workersHelped', t.workersHelped, (item) => item.workersHelped),
    money('owed', t.owed, (item) => item.owed),
    money('recovered', t.recovered, (item) => item.recovered),
    rate('recoveryRate', t.recoveryRate, (item) => item.recoveryRate),
    money('unpaid', t.unpaid, (item) => item.unpaid),
    money('paidInPeriod', t.paidInPeriod, (item) => item.paidInPeriod.total),
    days('medianDaysToFullPayment', t.medianDays, (item) => item.medianDaysToFullPayment),
    days('p90DaysToFullPayment', t.p90Days, (item) => item.p90DaysToFullPayment),
    ...deskWork,
  ];
}

/** A group's name, with its code, credit code, site or username beneath; an employer's opens its record. */
function GroupName({ dimension, item, view }: { dimension: Dimension; item: Item; view: ReportView }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard.columns;
  const name =
    dimension === 'organisation' && item.key === view.scopeOrganisationId
      ? t.ownCases
      : dimension === 'industry' && item.key
        ? (m.intake.industries[item.key] ?? item.label)
        : (item.label ?? t.withoutOne);
  return (
    <div style={{ maxWidth: 'min(260px, 40vw)', whiteSpace: 'normal' }}>
      {dimension === 'employer' && item.detail ? <Link to={employerRecordPath(item.detail)}>{name}</Link> : name}
      {item.detail && <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' }}>{item.detail}</div>}
    </div>
  );
}
