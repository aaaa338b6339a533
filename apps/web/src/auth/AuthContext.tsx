import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, LoginChallenge, Me } from '@fw/shared';
import * as authApi from './api';

export interface AuthState {
  /** The logged-in user; null when logged out; undefined while the first check runs. */
  user: Me | null | undefined;
  /** True after the user pressed 退出: guarded pages then go to a plain /login, without ?next=. */
  loggedOut: boolean;
  setUser: (user: Me | null) => void;
  /** Logs in, or answers the second-factor challenge to pass to `loginTotp`. */
  login: (body: LoginBody) => Promise<Me | LoginChallenge>;
  loginTotp: (body: { ticket: string; code?: string; recoveryCode?: string }) => Promise<Me>;
  /** Ends every session of the account (all devices), then this one is logged out too. */
  logoutEverywhere: () => Promise<void>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<Me | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);
  const setUser = useCallback((u: Me | null) => {
    setUserState(u);
    if (u) setLoggedOut(false);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setUserState(await authApi.fetchMe());
    } catch {
      // Server unreachable: treat as logged out; the pages say what failed when they load.
      setUserState(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (body: LoginBody) => {
    const res = await authApi.login(body);
    if (!authApi.isChallenge(res)) setUser(res);
    return res;
  }, [setUser]);

  const loginTotp = useCallback(async (body: { ticket: string; code?: string; recoveryCode?: string }) => {
    const me = await authApi.loginTotp(body);
    setUser(me);
    return me;
  }, [setUser]);

  const logoutEverywhere = useCallback(async () => {
    await authApi.logoutEverywhere();
    setLoggedOut(true);
    setUserState(null);
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setLoggedOut(true);
      setUserState(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, loggedOut, setUser, login, loginTotp, logoutEverywhere, logout, refresh }),
    [user, loggedOut, setUser, login, loginTotp, logoutEverywhere, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
