import { useQueries, useQuery } from '@tanstack/react-query';
import { api, Schemas, unwrap } from '../../common/api/client';
import type { operations } from '../../common/api/schema';

export type Organisation = Schemas['OrganisationView'];
export type Lawyer = Schemas['UserView'];

export const rosterKey = (organisationId: string, month: string) => ['duty-roster', organisationId, month] as const;

/** The organisations of my scope (the same query, and cache, as the desk's). */
export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'], queryFn: () => unwrap(api.GET('/organisations')), staleTime: 5 * 60_000 });
}

type UserQuery = Omit<NonNullable<operations['UsersController_list']['parameters']['query']>, 'page' | 'pageSize'>;

/** Every user the list gives for the query: the list is paged, so all its pages. */
export async function allUsers(query: UserQuery): Promise<Lawyer[]> {
  const users: Lawyer[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await unwrap(api.GET('/users', { params: { query: { ...query, page, pageSize: 200 } } }));
    users.push(...answer.items);
    if (users.length >= answer.total || answer.items.length === 0) return users;
  }
}

/** Every active lawyer of my scope. */
export function useLawyers() {
  return useQuery({ queryKey: ['users', 'lawyers', 'active'], staleTime: 60_000, queryFn: () => allUsers({ role: 'lawyer', active: true }) });
}

/** Each center's roster of the month. */
export function useMonthRosters(centerIds: readonly string[], month: string) {
  return useQueries({
    queries: centerIds.map((organisationId) => ({
      queryKey: rosterKey(organisationId, month),
      queryFn: () => unwrap(api.GET('/duty-shifts', { params: { query: { organisationId, month } } })),
    })),
  });
}
