import { caseListPath, drillDown, drillDownFestival, ReportView } from './drill-down';

const CITY = 'c0000000-0000-4000-8000-000000000001';
const DISTRICT = 'd0000000-0000-4000-8000-000000000002';
const EMPLOYER = 'e0000000-0000-4000-8000-000000000003';
const MEDIATOR = 'f0000000-0000-4000-8000-000000000004';

// a city leader's season, the default view: no organisation picked
const season: ReportView = { from: '2026-11-01', to: '2027-01-15', scopeOrganisationId: CITY };
const opened = { intakeFrom: '2026-11-01', intakeTo: '2027-01-15' };

describe('from a figure to the cases behind it', () => {
  it('counts the cases opened in the period, and of them the concluded ones, for the completion rate too', () => {
    expect(drillDown('casesOpened', season)).toEqual(opened);
    expect(drillDown('workersHelped', season)).toEqual(opened);
    expect(drillDown('owed', season)).toEqual(opened);
    expect(drillDown('casesConcluded', season)).toEqual({ ...opened, status: 'closed,withdrawn,rejected' });
    expect(drillDown('completionRate', season)).toEqual(drillDown('casesConcluded', season));
  });

  it('finds the money recovered on the cases paid anything, what is still owed on the open ones, the speed on those paid in full', () => {
    expect(drillDown('recovered', season)).toEqual({ ...opened, paidFrom: '2026-11-01' });
    expect(drillDown('unpaid', season)).toEqual({ ...opened, open: 'true', owing: 'true' });
    expect(drillDown('medianDaysToFullPayment', season)).toEqual({ ...opened, paidInFull: 'true' });
    expect(drillDown('p90DaysToFullPayment', season)).toEqual({ ...opened, paidInFull: 'true' });
  });

  it('counts the money paid in the period by the day it was paid, whenever the case was opened', () => {
    expect(drillDown('paidInPeriod', season)).toEqual({ paidFrom: '2026-11-01', paidTo: '2027-01-15' });
    expect(drillDown('casesClosedInPeriod', season)).toEqual({ concludedFrom: '2026-11-01', concludedTo: '2027-01-15' });
  });

  it('keeps the organisation picked, for the whole view and for a group', () => {
    const district = { ...season, organisationId: DISTRICT, scopeOrganisationId: DISTRICT };
    expect(drillDown('casesOpened', district)).toEqual({ organisationId: DISTRICT, ...opened });
    expect(drillDown('casesOpened', district, { dimension: 'employer', key: EMPLOYER })).toEqual({
      organisationId: DISTRICT,
      directEmployerId: EMPLOYER,
      ...opened,
    });
  });

  it('narrows to the group: an organisation below, an industry, the direct employer, a project, a lawyer, a mediator or none', () => {
    expect(drillDown('casesOpened', season, { dimension: 'organisation', key: DISTRICT })).toEqual({ organisationId: DISTRICT, ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'industry', key: 'construction' })).toEqual({ industry: 'construction', ...opened });
    expect(drillDown('unpaid', season, { dimension: 'employer', key: EMPLOYER })).toEqual({ directEmployerId: EMPLOYER, ...opened, open: 'true', owing: 'true' });
    expect(drillDown('casesOpened', season, { dimension: 'project', key: 'p1' })).toEqual({ projectId: 'p1', ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'lawyer', key: 'l1' })).toEqual({ lawyerId: 'l1', ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'mediator', key: MEDIATOR })).toEqual({ mediatorId: MEDIATOR, ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'mediator', key: null })).toEqual({ mediatorId: 'none', ...opened });
    expect(drillDown('paidInPeriod', season, { dimension: 'lawyer', key: 'l1' })).toEqual({ lawyerId: 'l1', paidFrom: '2026-11-01', paidTo: '2027-01-15' });
  });

  it('selects the groups of cases without one, and the scope organisation’s own cases without those below it', () => {
    expect(drillDown('casesOpened', season, { dimension: 'organisation', key: CITY })).toEqual({ organisationId: CITY, organisationOnly: 'true', ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'employer', key: null })).toEqual({ directEmployerId: 'none', ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'project', key: null })).toEqual({ projectId: 'none', ...opened });
    expect(drillDown('casesOpened', season, { dimension: 'lawyer', key: null })).toEqual({ lawyerId: 'none', ...opened });
  });

  it('cuts a month to the period: the first and last months of a season are partial', () => {
    expect(drillDown('casesOpened', season, { dimension: 'month', key: '2026-11' })).toEqual({ intakeFrom: '2026-11-01', intakeTo: '2026-11-30' });
    expect(drillDown('paidInPeriod', season, { dimension: 'month', key: '2027-01' })).toEqual({ paidFrom: '2027-01-01', paidTo: '2027-01-15' });
    expect(drillDown('paidInPeriod', { ...season, from: '2026-11-10' }, { dimension: 'month', key: '2026-11' })).toEqual({ paidFrom: '2026-11-10', paidTo: '2026-11-30' });
    expect(drillDown('casesOpened', season, { dimension: 'month', key: '2028-02' })?.intakeTo).toBe('2027-01-15');
    expect(drillDown('casesOpened', { ...season, to: '2028-03-01' }, { dimension: 'month', key: '2028-02' })?.intakeTo).toBe('2028-02-29');
  });

  it('drills the festival view into the open cases of an organisation below, as they stand today', () => {
    expect(drillDownFestival('unpaid', DISTRICT, season)).toEqual({ organisationId: DISTRICT, open: 'true', owing: 'true' });
    expect(drillDownFestival('openCases', DISTRICT, season)).toEqual({ organisationId: DISTRICT, open: 'true' });
    expect(drillDownFestival('casesUnverified', DISTRICT, season)).toEqual({ organisationId: DISTRICT, open: 'true', unverified: 'true' });
    expect(drillDownFestival('unpaid', CITY, season)).toEqual({ organisationId: CITY, organisationOnly: 'true', open: 'true', owing: 'true' });
  });

  it('writes the case list’s address', () => {
    expect(caseListPath({ organisationId: DISTRICT, open: 'true', owing: 'true' })).toBe(`/cases?organisationId=${DISTRICT}&open=true&owing=true`);
    expect(caseListPath({ status: 'closed,withdrawn,rejected' })).toBe('/cases?status=closed%2Cwithdrawn%2Crejected');
  });
});
