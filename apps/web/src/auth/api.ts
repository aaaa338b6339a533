import type { LoginBody, LoginChallenge, Me } from '@fw/shared';
import { api, isApiError } from '../api/client';

/** Null when not logged in (the server answers 401, which is not an error here). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me', { quiet: true, signal });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

/** A Me, or for an account with a second factor a ticket for the code step (no session yet). */
export const login = (body: LoginBody) => api.post<Me | LoginChallenge>('/api/auth/login', body);
export const loginTotp = (body: { ticket: string; code?: string; recoveryCode?: string }) => api.post<Me>('/api/auth/login/totp', body);
export const logoutEverywhere = () => api.post<{ ended: number }>('/api/auth/logout-all', {});

export const isChallenge = (r: Me | LoginChallenge): r is LoginChallenge => 'needsTotp' in r && r.needsTotp === true;
export const logout = () => api.post<unknown>('/api/auth/logout', {}, { quiet: true });
