import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../common/api/client';

/** The organisations of my scope, in tree order: the cache key the case list's picker shares, so a change here shows there. */
export const ORGANISATIONS_KEY = ['organisations'] as const;

export function useOrganisations() {
  return useQuery({ queryKey: ORGANISATIONS_KEY, queryFn: () => unwrap(api.GET('/organisations')), staleTime: 5 * 60_000 });
}

/** An organisation's name by its id, for tables that carry only the id. */
export function useOrganisationNames(): (id: string) => string {
  const organisations = useOrganisations();
  const names = new Map((organisations.data ?? []).map((organisation) => [organisation.id, organisation.name]));
  return (id) => names.get(id) ?? '—';
}
