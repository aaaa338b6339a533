/** Pages anyone may open; a 401 there never redirects to the login page. */
const PUBLIC_PREFIXES = ['/login', '/register', '/reset-password', '/outbox', '/verify/'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : p + '/'));
}

export function loginPathFor(next: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Only same-site paths are followed after login (no open redirect to another host). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !isPublicPath(next.split('?')[0] ?? '') ? next : '/';
}

/** Roles that must have a second factor (the server's TOTP_REQUIRED_ROLES). */
const TOTP_ROLES = ['authority', 'expert', 'admin'];

/**
 * Where a logged-in user must go before anything else, or null: issued accounts finish the first
 * login; authorities, experts and administrators then bind a second factor on /security. An answer
 * without the TOTP fields (an older presenter) counts as "not yet": /security checks and moves on.
 */
export function requiredStepPath(
  user: { role: string; mustChangePassword: boolean; totpRequired?: boolean; totpEnabled?: boolean },
  pathname: string,
): string | null {
  if (user.mustChangePassword) return pathname === '/first-login' ? null : '/first-login';
  const required = user.totpRequired ?? TOTP_ROLES.includes(user.role);
  if (required && user.totpEnabled !== true && pathname !== '/security') return '/security';
  return null;
}
