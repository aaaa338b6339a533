import type { LoginBody, Me } from '@fw/shared';
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

export const login = (body: LoginBody) => api.post<Me>('/api/auth/login', body);
export const logout = () => api.post<unknown>('/api/auth/logout', {}, { quiet: true });
