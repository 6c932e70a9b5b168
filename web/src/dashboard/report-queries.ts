import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, Schemas, unwrap } from '../common/api/client';
import type { Dimension } from './drill-down';
import type { ReportQuery } from './report-view';

// The report routes also answer spreadsheets (?format=xlsx, hence a string in their answers' types);
// asked without a format, they answer JSON of these shapes.

export function useSummary(query: ReportQuery) {
  return useQuery({
    queryKey: ['reports', 'summary', query],
    queryFn: async () => (await unwrap(api.GET('/reports/summary', { params: { query } }))) as Schemas['ReportSummaryView'],
  });
}

export function useBreakdown(dimension: Dimension, query: ReportQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['reports', 'breakdown', dimension, query, page, pageSize],
    queryFn: async () =>
      (await unwrap(api.GET('/reports/breakdowns/{dimension}', { params: { path: { dimension }, query: { ...query, page, pageSize } } }))) as Schemas['BreakdownView'],
    placeholderData: keepPreviousData,
  });
}

/** The festival view is as of today (or a past season's eve): it takes no period. */
export function useFestival(organisationId: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'festival', organisationId],
    queryFn: async () => (await unwrap(api.GET('/reports/festival', { params: { query: { organisationId } } }))) as Schemas['FestivalReportView'],
  });
}
