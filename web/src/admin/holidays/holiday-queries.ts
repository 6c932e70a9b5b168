import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../common/api/client';

export const holidayYearKey = (year: number) => ['holidays', year] as const;

/** A year's days off and make-up working days, and whether they are announced or only provisional. */
export function useHolidayYear(year: number) {
  return useQuery({
    queryKey: holidayYearKey(year),
    queryFn: () => unwrap(api.GET('/holidays/{year}', { params: { path: { year } } })),
    staleTime: 5 * 60_000,
  });
}
