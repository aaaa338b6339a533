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
