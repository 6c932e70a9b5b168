import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../common/api/client';

export const caseKey = (caseId: string) => ['case', caseId] as const;

/** One case as the API answers it; every panel of the case page reads it through here. */
export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: () => unwrap(api.GET('/cases/{id}', { params: { path: { id: caseId } } })),
  });
}
