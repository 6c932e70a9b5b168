import createClient from 'openapi-fetch';
import { localeNow } from '../i18n/i18n';
import type { components, paths } from './schema';
import { announceSessionExpired, currentSession, saveSession } from './session';

export type Schemas = components['schemas'];

/** An error answer of the API: a stable code, a message in the user's language, problems by field. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  errors?: { field?: string; row?: number; code: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** The network failed (no answer at all): said in words, not as a TypeError. */
export class NetworkError extends Error {}

let renewal: Promise<boolean> | null = null;

/** Renews the token pair once for every request that found its access token expired at the same time. */
function renewSession(): Promise<boolean> {
  renewal ??= (async () => {
    const session = currentSession();
    if (!session) return false;
    const response = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) return false;
    const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
    saveSession({ ...session, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    return true;
  })().finally(() => {
    renewal = null;
  });
  return renewal;
}

/**
 * Every request carries the access token and the language on screen. An answer of 401 renews the
 * token pair with the refresh token and tries once more; when that fails too (12 hours passed, the
 * account was deactivated, the password changed), the app asks for the password over the current
 * page, so nothing typed is lost, and the caller sees the 401.
 */
export async function authorisedFetch(request: Request): Promise<Response> {
  let usedToken: string | undefined;
  const send = async (attempt: Request) => {
    const session = currentSession();
    usedToken = session?.accessToken;
    if (session) attempt.headers.set('authorization', `Bearer ${session.accessToken}`);
    attempt.headers.set('accept-language', localeNow() === 'en' ? 'en' : 'zh-CN');
    try {
      return await fetch(attempt);
    } catch {
      throw new NetworkError();
    }
  };
  const retry = request.clone();
  const response = await send(request);
  if (response.status !== 401 || !currentSession() || new URL(request.url).pathname.startsWith('/auth/login')) return response;
  // another tab (they share the session) may have renewed the pair meanwhile: use its token rather than
  // present the old refresh token again, which the server would take for a stolen one and end the session
  const renewedElsewhere = currentSession()?.accessToken !== usedToken;
  if (!renewedElsewhere && !(await renewSession())) {
    announceSessionExpired();
    return response;
  }
  const again = await send(retry);
  if (again.status === 401) announceSessionExpired();
  return again;
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorisedFetch });

/** The data of a successful answer, or an ApiError with the API's own code and words. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(response.status, { code: body.code ?? `HTTP_${response.status}`, message: body.message ?? response.statusText, ...body });
  }
  return data as T;
}

/** A fresh key per submitted form: a double click or a retry after a timeout creates nothing twice. */
export function idempotencyKey(): string {
  // crypto.randomUUID exists only in secure contexts; the product is opened over plain http on office networks.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A file from the API, fetched with the login like any request (a bare link would answer 401). */
export async function fetchFile(path: string): Promise<Response> {
  const response = await authorisedFetch(new Request(new URL(path, window.location.origin)));
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
    throw new ApiError(response.status, { code: body.code ?? `HTTP_${response.status}`, message: body.message ?? response.statusText });
  }
  return response;
}

/**
 * A document of the API (the printable agreement) in a new tab, to read and print. The tab is opened at
 * the click, before the document arrives: a tab opened later is taken for a pop-up and blocked.
 */
export async function openDocument(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const response = await fetchFile(path);
    const url = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** An export from the API, saved under the name the API gives it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetchFile(path);
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ? decodeURIComponent(name) : fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
