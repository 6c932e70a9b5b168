import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Session, SessionUser, currentSession, onSessionChange, onSessionExpired, saveSession } from './session';

interface SessionState {
  user: SessionUser | null;
  /** The session could not be renewed: a login is asked for over the page, keeping what was typed. */
  expired: boolean;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(currentSession);
  const [expired, setExpired] = useState(false);
  const queryClient = useQueryClient();
  const { setLocale } = useI18n();
  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  const value = useMemo<SessionState>(
    () => ({
      user: session?.user ?? null,
      expired,
      signIn: (next) => {
        // Someone else logging in on this browser must not see the last user's cached pages.
        if (session?.user.id !== next.user.id) queryClient.clear();
        saveSession(next);
        if (next.user.locale) setLocale(next.user.locale);
        setExpired(false);
      },
      signOut: () => {
        saveSession(null);
        queryClient.clear();
        setExpired(false);
      },
    }),
    [session, expired, queryClient, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
