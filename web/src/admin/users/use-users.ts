import { useQuery } from '@tanstack/react-query';
import { api, Schemas, unwrap } from '../../common/api/client';

export type User = Schemas['UserView'];
export type Role = Schemas['Role'];
export const ROLES: Role[] = ['admin', 'leader', 'lawyer', 'mediator', 'intake_clerk'];
export const USERS_KEY = ['admin', 'users'] as const;

export interface UserFilters {
  role?: Role;
  organisationId?: string;
  active?: boolean;
}

/**
 * Every user of my scope that the filters the API knows (role, organisation, active) let through, a
 * page of 200 at a time: the API has no search by name, so the page finds by name among them. A city
 * union has hundreds of users, not tens of thousands.
 */
export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...USERS_KEY, filters],
    queryFn: async () => {
      const users: User[] = [];
      for (let page = 1; ; page++) {
        const answer = await unwrap(api.GET('/users', { params: { query: { ...filters, page, pageSize: 200 } } }));
        users.push(...answer.items);
        if (users.length >= answer.total || answer.items.length === 0) return users;
      }
    },
  });
}

/** Whether the user's name or username contains what was typed (case aside). */
export function matchesSearch(user: User, text: string): boolean {
  const wanted = text.trim().toLowerCase();
  return !wanted || user.displayName.toLowerCase().includes(wanted) || user.username.toLowerCase().includes(wanted);
}
