import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { shanghaiDate } from '../common/format/shanghai-day';

/** The desk's server state: one key prefix, so a save refreshes what it changed and nothing else. */
export const deskKeys = {
  roster: (organisationId: string) => ['desk', 'roster', organisationId] as const,
  consultations: ['desk', 'consultations'] as const,
  allWarnings: ['desk', 'warnings'] as const,
  warnings: (status?: string) => ['desk', 'warnings', status ?? 'all'] as const,
};

export type WarningStatus = Schemas['EarlyWarningStatus'];

/** Who is on duty today at the service center. */
export function useRoster(organisationId: string | undefined) {
  return useQuery({
    queryKey: deskKeys.roster(organisationId ?? ''),
    queryFn: () => unwrap(api.GET('/duty-shifts', { params: { query: { organisationId: organisationId! } } })),
    enabled: !!organisationId,
  });
}

/** My consultations of today, with the API's counts. */
export function useConsultationDay() {
  return useQuery({ queryKey: deskKeys.consultations, queryFn: () => unwrap(api.GET('/consultations')) });
}

export function useWarnings(status: WarningStatus | undefined) {
  return useQuery({
    queryKey: deskKeys.warnings(status),
    queryFn: () => unwrap(api.GET('/early-warnings', { params: { query: { status } } })),
    placeholderData: keepPreviousData,
  });
}

/** Employers of the register whose name (or whole credit code) matches what is typed. */
export function useEmployerSearch(text: string) {
  const q = useDebounced(text.trim(), 250);
  return useQuery({
    queryKey: ['employers', 'search', q],
    queryFn: () => unwrap(api.GET('/employers', { params: { query: { q, pageSize: 10 } } })),
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const CENTER_KEY = 'wages.desk.center';

/**
 * The service center the lawyer works at today. The API has no "my shift today" (the roster is asked
 * per center), so the choice is the lawyer's, remembered in this browser: by default his own
 * organisation when it is a service center, else the first service center of his scope, else his own.
 */
export function useServiceCenter() {
  const { user } = useSession();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => unwrap(api.GET('/organisations')), staleTime: 5 * 60_000 });
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(CENTER_KEY));
  const all = organisations.data ?? [];
  const own = all.find((organisation) => organisation.id === user?.organisationId);
  const centers = all.filter((organisation) => organisation.kind === 'service_center' || organisation.id === user?.organisationId);
  const fallback = own?.kind === 'service_center' ? own : (centers.find((organisation) => organisation.kind === 'service_center') ?? own);
  const current = centers.find((organisation) => organisation.id === chosen) ?? fallback;
  return {
    centers,
    current,
    isPending: organisations.isPending,
    choose(organisationId: string) {
      localStorage.setItem(CENTER_KEY, organisationId);
      setChosen(organisationId);
    },
  };
}

/** Today in Beijing time, YYYY-MM-DD (the API's business dates are Asia/Shanghai). */
export function shanghaiToday(): string {
  return shanghaiDate(new Date());
}
