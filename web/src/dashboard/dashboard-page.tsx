import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Alert, Tag, Typography } from 'antd';
import { api, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { Money } from '../common/format/money';
import { formatYuan } from '../common/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import { drillDown, type CaseFigure, type ReportView } from './drill-down';
import { percent } from './format';
import { useSummary } from './report-queries';
import { CasesLink, ExportButton, ReportFilters, reportQueryString, useReportQuery } from './report-view';
import './dashboard.css';

// the charts (their tables, and ECharts after them) load once the figures are on screen, not with the page
const DashboardCharts = lazy(() => import('./dashboard-charts'));
// what waits for the leader's approval: loaded beside the figures, not in the page's first download
const PendingCorrections = lazy(() => import('../cases/payout-corrections').then((module) => ({ default: module.PendingCorrections })));
const UnsatisfiedCallbacks = lazy(() => import('../cases/callbacks').then((module) => ({ default: module.UnsatisfiedCallbacks })));
const CallbackRates = lazy(() => import('../cases/callbacks').then((module) => ({ default: module.CallbackRates })));

/**
 * The leaders' (and administrators') home: the festival countdown and the season's next target, the
 * period's figures of the scope, each opening its cases, and the charts (drawn once ECharts has loaded,
 * after the figures). The period and the organisation are in the address, so a link shows the same view.
 */
export default function DashboardPage() {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard;
  const { query, change } = useReportQuery();
  const summary = useSummary(query);
  const view: ReportView | undefined = summary.data && {
    from: summary.data.period.from,
    to: summary.data.period.to,
    organisationId: query.organisationId,
    scopeOrganisationId: summary.data.scope.organisationId,
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <div className="report-panel">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t.title}
            {summary.data && <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 8 }}>{summary.data.scope.name}</span>}
          </Typography.Title>
          <ExportButton path={`/reports/summary?${reportQueryString(query, { format: 'xlsx' })}`} fileName="summary.xlsx" label={t.exportSummary} />
        </div>
        <ReportFilters query={query} period={summary.data?.period} onChange={change} />
        <SeasonLine />
      </div>
      <Suspense fallback={null}>
        <PendingCorrections />
        <UnsatisfiedCallbacks />
      </Suspense>
      {summary.error && <Alert type="error" showIcon title={t.loadFailed} description={showApiErrors(null, summary.error, m)} />}
      {summary.data && view && (
        <>
          <Figures summary={summary.data} view={view} />
          <Suspense fallback={null}>
            <DashboardCharts query={query} view={view} />
            <CallbackRates query={query} />
          </Suspense>
        </>
      )}
    </div>
  );
}

/** The festival countdown and the season's next target (the same query as the header's countdown). */
function SeasonLine() {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard.season;
  const season = useQuery({ queryKey: ['season'], queryFn: () => unwrap(api.GET('/season')), staleTime: 10 * 60_000 });
  if (!season.data) return null;
  const { daysToEve, eve, festival, nextTarget } = season.data;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', alignItems: 'center', marginTop: 12 }}>
      <Tag color={daysToEve <= 14 ? 'red' : daysToEve <= 30 ? 'orange' : 'blue'} style={{ fontSize: 15, padding: '2px 10px' }}>
        {m.festival.countdown(daysToEve)}
      </Tag>
      <span>{t.festival(eve, festival)}</span>
      <span>
        {t.nextTarget}：{nextTarget ? t.target(nextTarget.name, nextTarget.on, nextTarget.daysLeft) : t.noTarget}
      </span>
    </div>
  );
}

/** The period's figures as big numbers, each a link to its cases. */
function Figures({ summary, view }: { summary: Schemas['ReportSummaryView']; view: ReportView }) {
  const m = useMessagesWith({ dashboard: dashboardMessages });
  const t = m.dashboard.figures;
  const days = (value: number | null) => (value === null ? t.none : t.days(value));
  const figures: { figure: CaseFigure; label: string; value: React.ReactNode; sub?: string }[] = [
    { figure: 'casesOpened', label: t.casesOpened, value: t.casesUnit(summary.casesOpened) },
    { figure: 'casesConcluded', label: t.casesConcluded, value: t.casesUnit(summary.casesConcluded) },
    { figure: 'completionRate', label: t.completionRate, value: percent(summary.completionRate) },
    { figure: 'workersHelped', label: t.workersHelped, value: summary.workersHelped },
    { figure: 'owed', label: t.owed, value: <Money yuan={summary.owed} /> },
    {
      figure: 'recovered',
      label: t.recovered,
      value: <Money yuan={summary.recovered} />,
      // money paid into a holding account for workers not reached (代管) is recovered, not yet in their hands
      sub: summary.recoveredHeld !== '0.00' ? t.recoveredHeld(formatYuan(summary.recoveredHeld)) : undefined,
    },
    { figure: 'recoveryRate', label: t.recoveryRate, value: percent(summary.recoveryRate) },
    { figure: 'unpaid', label: t.unpaid, value: <Money yuan={summary.unpaid} /> },
    { figure: 'paidInPeriod', label: t.paidInPeriod, value: <Money yuan={summary.paidInPeriod.total} /> },
    { figure: 'medianDaysToFullPayment', label: t.medianDays, value: days(summary.medianDaysToFullPayment), sub: t.casesPaidInFull(summary.casesPaidInFull) },
    { figure: 'p90DaysToFullPayment', label: t.p90Days, value: days(summary.p90DaysToFullPayment) },
  ];
  return (
    <section aria-labelledby="report-figures">
      <Typography.Title level={2} id="report-figures" style={{ fontSize: 16, margin: '0 0 4px' }}>
        {t.heading}
      </Typography.Title>
      <p className="report-note">{t.note(view.from, view.to)}</p>
      <dl className="report-figures">
        {figures.map(({ figure, label, value, sub }) => (
          <div className="report-figure" key={figure}>
            <dt>{label}</dt>
            <dd>
              <CasesLink filters={drillDown(figure, view)}>{value}</CasesLink>
              {sub && <span className="report-figure-sub">{sub}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
