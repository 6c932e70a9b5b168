import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, Schemas, unwrap } from '../common/api/client';
import type { operations } from '../common/api/schema';

/** unconfirmed, still owed, or paid in full (the API's filter of a case's claims). */
export type Standing = NonNullable<NonNullable<operations['ClaimsController_list']['parameters']['query']>['standing']>;

/**
 * Query keys of the phone pages. The case, its sessions and its agreement share the desk's keys (the
 * same requests, the same answers), so the desk case page opened next shows what was just recorded.
 */
export const keys = {
  theCase: (caseId: string) => ['case', caseId] as const,
  claims: (caseId: string) => ['claims', caseId] as const,
  allClaims: (caseId: string, standing: Standing | 'any') => ['claims', caseId, 'every', standing] as const,
  claimSearch: (caseId: string, q: string) => ['claims', caseId, 'search', q] as const,
  claimPage: (caseId: string, standing: Standing | 'any', q: string) => ['claims', caseId, 'phone-list', standing, q] as const,
  sessions: (caseId: string) => ['sessions', caseId] as const,
  agreement: (caseId: string) => ['agreement', caseId] as const,
  agenda: (mediatorId: string, from: string, to: string) => ['mediation-sessions', mediatorId, from, to] as const,
  myCases: (mediatorId: string) => ['cases', 'of-mediator', mediatorId] as const,
  rooms: ['mediation-rooms'] as const,
  season: ['season'] as const,
};

export function useTheCase(caseId: string) {
  return useQuery({
    queryKey: keys.theCase(caseId),
    queryFn: () => unwrap(api.GET('/cases/{id}', { params: { path: { id: caseId } } })),
  });
}

/** The API gives at most 200 claims a page; a group case of 700 workers is read in four. */
const PAGE = 200;

export async function everyClaim(caseId: string, query: { standing?: Standing; q?: string } = {}): Promise<Schemas['ClaimView'][]> {
  const claims: Schemas['ClaimView'][] = [];
  for (let page = 1; ; page += 1) {
    const answer = await unwrap(api.GET('/cases/{caseId}/claims', { params: { path: { caseId }, query: { ...query, page, pageSize: PAGE } } }));
    claims.push(...answer.items);
    if (answer.items.length < PAGE || claims.length >= answer.total) return claims;
  }
}

/**
 * Every claim of the case (or those of one standing), for a bulk form: read fresh each time the form
 * opens (a second pay day starts from what the first one left), then kept as it was while the form is
 * filled in, so a refetch cannot move the lines under the user's thumb.
 */
export function useEveryClaim(caseId: string, standing?: Standing) {
  return useQuery({
    queryKey: keys.allClaims(caseId, standing ?? 'any'),
    queryFn: () => everyClaim(caseId, { standing }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Text typed into a search box, settled for a moment before it is asked for. */
export function useSettled(text: string, delay = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return settled;
}

/**
 * The claims the API finds for a search (part of a name, or a whole id number, which only the server
 * can match: the page sees id numbers masked): null while nothing is searched.
 */
export function useClaimSearch(caseId: string, text: string) {
  const q = useSettled(text.trim());
  const search = useQuery({
    queryKey: keys.claimSearch(caseId, q),
    queryFn: async () => new Set((await everyClaim(caseId, { q })).map((claim) => claim.id)),
    enabled: q !== '',
  });
  return { found: q === '' ? null : (search.data ?? null), searching: q !== '' && (search.isFetching || q !== text.trim()) };
}

export function useSessions(caseId: string) {
  return useQuery({
    queryKey: keys.sessions(caseId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/sessions', { params: { path: { caseId } } })),
  });
}

/** The case's agreement, or null when none is signed yet (the API answers 404). */
export function useAgreement(caseId: string) {
  return useQuery({
    queryKey: keys.agreement(caseId),
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/cases/{caseId}/agreement', { params: { path: { caseId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** After anything recorded on a case: everything shown of it is read again, here and on the desk. */
export function useCaseChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    async (caseId: string, theCase?: Schemas['CaseView']) => {
      if (theCase) queryClient.setQueryData(keys.theCase(caseId), theCase);
      await Promise.all(
        [keys.theCase(caseId), keys.claims(caseId), keys.sessions(caseId), keys.agreement(caseId), ['payouts', caseId], ['case-events', caseId], ['deadlines', caseId], ['cases'], ['mediation-sessions']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
    [queryClient],
  );
}
