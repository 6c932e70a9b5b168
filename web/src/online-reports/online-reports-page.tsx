import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Grid, Pagination, Segmented, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { EmptyText } from '../common/format/labels';
import { Money } from '../common/format/money';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessagesWith } from '../common/i18n/i18n';
import { onlineReportsMessages } from './online-reports.messages';
import { PAGE_SIZES, pageOf, QUEUE_KEY, QueueTab, TABS, tabOf, withChanges } from './queue';
import { OverdueTag, ReportStatusTag } from './report-tags';
import '../dashboard/dashboard.css';
import './online-reports.css';

// a report's drawer loads when one is opened (from the list, or from the overdue reminder's link)
const ReportDrawer = lazy(() => import('./report-drawer'));

type Report = Schemas['WorkerReportView'];

/**
 * The union's queue of workers' online reports: the waiting ones first (oldest first, the overdue
 * flagged), then those handled. The tab, the page and the report opened are kept in the address, so
 * the overdue reminder's link (?report=<id>) opens its report, and a colleague can be sent one.
 */
export default function OnlineReportsPage() {
  const m = useMessagesWith({ onlineReports: onlineReportsMessages });
  const t = m.onlineReports;
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const page = pageOf(params.get('page'), 1);
  const pageSize = pageOf(params.get('pageSize'), PAGE_SIZES[0], PAGE_SIZES);
  const reportId = params.get('report');
  const phone = !Grid.useBreakpoint().md;
  const today = shanghaiDate(new Date());
  const queue = useQuery({
    queryKey: [...QUEUE_KEY, tab, page, pageSize],
    queryFn: () => unwrap(api.GET('/worker-reports', { params: { query: { status: tab, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const change = (changes: Record<string, string | null>) => setParams(withChanges(params, changes));
  /** The address of a report opened over the list, the list's own state kept. */
  const opening = (id: string) => `?${withChanges(params, { report: id }).toString()}`;
  const items = queue.isError ? [] : (queue.data?.items ?? []);
  const total = queue.isError ? 0 : (queue.data?.total ?? 0);

  const columns: TableProps<Report>['columns'] = [
    {
      title: t.receiptNumber, key: 'receiptNumber', fixed: 'left',
      render: (_, report) => (
        <Link to={opening(report.id)} aria-label={t.openReport(report.receiptNumber)} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {report.receiptNumber}
        </Link>
      ),
    },
    { title: t.submittedOn, dataIndex: 'submittedOn', key: 'submittedOn' },
    {
      title: t.worker, key: 'worker',
      render: (_, report) => (
        <>
          <div>{report.workerName}</div>
          <div className="report-muted">{report.mobile}</div>
        </>
      ),
    },
    {
      title: t.employer, key: 'employer',
      render: (_, report) => (
        <div style={{ maxWidth: 320, overflowWrap: 'anywhere' }}>
          <div>{report.employerName}</div>
          {(report.projectName || report.siteAddress) && (
            <div className="report-muted">{[report.projectName, report.siteAddress].filter(Boolean).join(' · ')}</div>
          )}
        </div>
      ),
    },
    { title: t.amountOwed, key: 'amountOwed', align: 'right', render: (_, report) => <Money yuan={report.amountOwed} /> },
    { title: t.coWorkers, key: 'coWorkers', align: 'right', render: (_, report) => t.coWorkersCount(report.coWorkers) },
    { title: t.photos, key: 'photos', align: 'right', render: (_, report) => t.photoCount(report.photoCount) },
    {
      title: t.status, key: 'status',
      render: (_, report) => (
        <>
          <ReportStatusTag status={report.status} />
          <OverdueTag report={report} today={today} />
        </>
      ),
    },
    {
      title: t.handleByOn, key: 'handleByOn',
      render: (_, report) => (report.status === 'submitted' ? <span className={report.overdue ? 'report-overdue-day' : undefined}>{report.handleByOn}</span> : '—'),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <div className="report-panel">
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t.intro}
        </Typography.Paragraph>
      </div>
      <section className="report-panel" aria-label={t.title}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
          <Segmented<QueueTab>
            aria-label={t.tabsLabel}
            value={tab}
            onChange={(value) => change({ tab: value, page: null })}
            options={TABS.map((value) => ({ value, label: t.tabs[value] }))}
          />
          {queue.data && <span role="status">{t.totalCount(total)}</span>}
        </div>
        {queue.isError && <Alert type="error" showIcon role="alert" title={showApiErrors(null, queue.error, m) ?? m.common.loadFailed} style={{ marginBottom: 12 }} />}
        {phone ? (
          <>
            {queue.isPending && <p>{m.common.loading}</p>}
            {queue.data && items.length === 0 && <EmptyText>{t.none[tab]}</EmptyText>}
            <ul className="report-cards" aria-label={t.tabs[tab]}>
              {items.map((report) => (
                <ReportCard key={report.id} report={report} href={opening(report.id)} today={today} />
              ))}
            </ul>
            {total > pageSize && (
              <Pagination simple current={page} pageSize={pageSize} total={total} onChange={(next) => change({ page: String(next) })} style={{ marginTop: 12, justifyContent: 'center' }} />
            )}
          </>
        ) : (
          <Table<Report>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={queue.isFetching}
            scroll={{ x: 'max-content' }}
            rowClassName={(report) => (report.overdue ? 'is-overdue' : '')}
            locale={{ emptyText: <EmptyText>{t.none[tab]}</EmptyText> }}
            onChange={(pagination) => change({ page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? PAGE_SIZES[0]) })}
            pagination={{ current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [...PAGE_SIZES], hideOnSinglePage: total <= PAGE_SIZES[0] }}
          />
        )}
      </section>
      <Suspense fallback={null}>{reportId && <ReportDrawer id={reportId} onClose={() => change({ report: null })} />}</Suspense>
    </div>
  );
}

/** A report on a phone: what the table's row says, in lines that wrap within the screen. */
function ReportCard({ report, href, today }: { report: Report; href: string; today: string }) {
  const t = useMessagesWith({ onlineReports: onlineReportsMessages }).onlineReports;
  return (
    <li className={`report-card${report.overdue ? ' is-overdue' : ''}`} data-testid="report-card">
      <div className="report-card-head">
        <Link to={href} aria-label={t.openReport(report.receiptNumber)}>
          {report.receiptNumber}
        </Link>
        <ReportStatusTag status={report.status} />
        <OverdueTag report={report} today={today} />
      </div>
      <div>
        {report.workerName} <span className="report-muted">{report.mobile}</span>
      </div>
      <div>{report.employerName}</div>
      {(report.projectName || report.siteAddress) && <div className="report-muted">{[report.projectName, report.siteAddress].filter(Boolean).join(' · ')}</div>}
      <div>
        <Money yuan={report.amountOwed} />
        <span className="report-muted">
          {' · '}
          {t.coWorkers} {t.coWorkersCount(report.coWorkers)} · {t.photos} {t.photoCount(report.photoCount)}
        </span>
      </div>
      <div className="report-muted">
        {t.submittedOn} {report.submittedOn}
        {report.status === 'submitted' && (
          <>
            {' · '}
            {t.handleByOn} <span className={report.overdue ? 'report-overdue-day' : undefined}>{report.handleByOn}</span>
          </>
        )}
      </div>
    </li>
  );
}
