import type { components } from './schema';

/**
 * The login session in this browser: the token pair and who it belongs to. Kept in localStorage so a
 * reminder's link opened in a new tab lands in the app logged in; the refresh token renews the access
 * token without the user noticing, until it expires (12 hours) or the account is deactivated.
 */
/** Who is logged in, as the API describes them: their roles, and the union of those roles' permissions. */
export type SessionUser = components['schemas']['CurrentUserView'];

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'wages.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(session));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Raised when the session cannot be renewed: the app asks for the password again over the current page. */
let expiredListener: (() => void) | null = null;
export function onSessionExpired(listener: () => void): () => void {
  expiredListener = listener;
  return () => {
    expiredListener = null;
  };
}
export function announceSessionExpired(): void {
  expiredListener?.();
}
