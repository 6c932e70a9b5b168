import type { components } from '../common/api/schema';

/**
 * From a figure of the reports to the case list filtered to exactly the cases behind it. The reports
 * count the cases opened in the period (src/reports/reports.sql.ts), except the money paid in the
 * period (by the day it was paid), the cases concluded in the period and the festival view (the open
 * cases as they stand today); each figure below is turned into the case list's filters that select
 * the same cases, or into nothing when no filter can (then the figure is shown without a link: only
 * the desk's work, which is not cases, and a month without its key).
 */

export type Dimension = components['schemas']['ReportDimension'];

/** The case list's filters that a drill-down may set (GET /cases). */
export const DRILL_DOWN_FILTERS = [
  'organisationId', 'organisationOnly', 'directEmployerId', 'projectId', 'industry', 'lawyerId', 'mediatorId', 'intakeFrom', 'intakeTo',
  'concludedFrom', 'concludedTo', 'paidFrom', 'paidTo', 'owing', 'open', 'paidInFull', 'unverified', 'status',
] as const;
export type CaseFilters = Partial<Record<(typeof DRILL_DOWN_FILTERS)[number], string>>;

/** The view a figure belongs to: its period, the organisation picked (none: the user's own), and the scope the API answered with. */
export interface ReportView {
  from: string;
  to: string;
  organisationId?: string;
  /** The organisation the report covers (the API's `scope.organisationId`). */
  scopeOrganisationId: string;
}

/** A group of a breakdown: its dimension and the API's key (null: the cases without one). */
export interface Group {
  dimension: Dimension;
  key: string | null;
}

/** The figures of the summary and of each group of a breakdown (ReportFiguresView). */
export type CaseFigure =
  | 'casesOpened' | 'casesConcluded' | 'completionRate' | 'workersHelped' | 'claimed' | 'confirmed' | 'owed'
  | 'recovered' | 'recoveryRate' | 'unpaid' | 'paidInPeriod' | 'casesPaidInFull' | 'medianDaysToFullPayment'
  | 'p90DaysToFullPayment' | 'casesClosedInPeriod';

/** The figures of the festival view (FestivalFiguresView), per organisation one level down. */
export type FestivalFigure = 'openCases' | 'casesOwing' | 'workersOwed' | 'unpaid' | 'casesUnverified';

/** What counts as concluded (办结): src/cases/domain/case-status.ts FINAL_STATUSES. */
const CONCLUDED = 'closed,withdrawn,rejected';

/** The filters of a figure of the period's cases, for the whole view or for one group of a breakdown. */
export function drillDown(figure: CaseFigure, view: ReportView, group?: Group): CaseFilters | null {
  const groupFilters = group ? filtersOfGroup(group, view) : organisationOf(view);
  if (!groupFilters) return null;
  const { from, to } = group?.dimension === 'month' && group.key ? monthWithin(group.key, view) : view;
  const opened: CaseFilters = { ...groupFilters, intakeFrom: from, intakeTo: to };
  switch (figure) {
    case 'casesOpened':
    case 'workersHelped':
    case 'claimed':
    case 'confirmed':
    case 'owed':
      return opened;
    case 'casesConcluded':
    case 'completionRate':
      return { ...opened, status: CONCLUDED };
    // money paid to those cases so far: a case is paid nothing before it is opened, so "paid on or after
    // the first day" is "paid at all"
    case 'recovered':
    case 'recoveryRate':
      return { ...opened, paidFrom: from };
    case 'unpaid':
      return { ...opened, open: 'true', owing: 'true' };
    case 'casesPaidInFull':
    case 'medianDaysToFullPayment':
    case 'p90DaysToFullPayment':
      return { ...opened, paidInFull: 'true' };
    // whichever season the case was opened in
    case 'paidInPeriod':
      return { ...groupFilters, paidFrom: from, paidTo: to };
    case 'casesClosedInPeriod':
      return { ...groupFilters, concludedFrom: from, concludedTo: to };
  }
}

/** The filters of a festival figure of one organisation one level down: its open cases as they stand today. */
export function drillDownFestival(figure: FestivalFigure, organisationId: string, view: Pick<ReportView, 'scopeOrganisationId'>): CaseFilters {
  const open: CaseFilters = { ...organisationGroup(organisationId, view), open: 'true' };
  switch (figure) {
    case 'openCases':
      return open;
    case 'casesOwing':
    case 'workersOwed':
    case 'unpaid':
      return { ...open, owing: 'true' };
    case 'casesUnverified':
      return { ...open, unverified: 'true' };
  }
}

/** The case list's address with these filters. */
export function caseListPath(filters: CaseFilters): string {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  return `/cases?${query}`;
}

function organisationOf(view: ReportView): CaseFilters {
  return view.organisationId ? { organisationId: view.organisationId } : {};
}

/** A group's own filter, within the view's organisation; null when the list cannot select its cases. */
function filtersOfGroup({ dimension, key }: Group, view: ReportView): CaseFilters | null {
  const within = organisationOf(view);
  switch (dimension) {
    case 'organisation':
      return key ? organisationGroup(key, view) : null;
    // 'other' counts the direct employers without an industry too, as the list's filter does
    case 'industry':
      return { ...within, industry: key ?? 'none' };
    // none: the cases without one, a group of their own in the breakdown
    case 'employer':
      return { ...within, directEmployerId: key ?? 'none' };
    case 'project':
      return { ...within, projectId: key ?? 'none' };
    case 'lawyer':
      return { ...within, lawyerId: key ?? 'none' };
    case 'mediator':
      return { ...within, mediatorId: key ?? 'none' };
    case 'month':
      return key ? within : null;
  }
}

/**
 * An organisation one level down with everything below it; or the scope organisation's own group, its
 * cases without those of the organisations below it.
 */
function organisationGroup(organisationId: string, view: Pick<ReportView, 'scopeOrganisationId'>): CaseFilters {
  return organisationId === view.scopeOrganisationId ? { organisationId, organisationOnly: 'true' } : { organisationId };
}

/** A month of a month breakdown ('YYYY-MM'), cut to the view's period (the first and last months may be partial). */
function monthWithin(month: string, view: ReportView): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const first = `${month}-01`;
  const last = `${month}-${String(lastDay).padStart(2, '0')}`;
  return { from: first > view.from ? first : view.from, to: last < view.to ? last : view.to };
}
