import { describe, expect, it } from 'vitest';
import { isPublicPath, loginPathFor, requiredStepPath, safeNext } from './paths';

describe('isPublicPath', () => {
  it.each([
    ['/login', true],
    ['/register', true],
    ['/reset-password', true],
    ['/outbox', true],
    ['/verify/N3-440305-E000014', true],
    ['/', false],
    ['/certify', false],
    ['/applications/1/edit', false],
    ['/loginx', false],
    ['/verify', false],
  ])('%s → %s', (path, expected) => {
    expect(isPublicPath(path)).toBe(expected);
  });
});

describe('loginPathFor', () => {
  it('carries the page to come back to, except the home page', () => {
    expect(loginPathFor('/contact')).toBe('/login?next=%2Fcontact');
    expect(loginPathFor('/')).toBe('/login');
  });
});

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/applications/1/edit?tab=2')).toBe('/applications/1/edit?tab=2');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('does not send a user who just logged in back to the login page', () => {
    expect(safeNext('/login?next=%2F')).toBe('/');
  });
});

describe('requiredStepPath', () => {
  const authority = { role: 'authority', mustChangePassword: false, totpRequired: true, totpEnabled: false };
  it.each([
    ['first login before everything', { ...authority, mustChangePassword: true }, '/authority', '/first-login'],
    ['first login page itself', { ...authority, mustChangePassword: true }, '/first-login', null],
    ['an authority without a second factor', authority, '/authority', '/security'],
    ['the security page itself', authority, '/security', null],
    ['an enrolled authority', { ...authority, totpEnabled: true }, '/authority', null],
    ['an applicant without one', { role: 'applicant', mustChangePassword: false, totpRequired: false, totpEnabled: false }, '/', null],
    ['an answer without the fields, for an authority', { role: 'authority', mustChangePassword: false }, '/authority', '/security'],
    ['an answer without the fields, for an applicant', { role: 'applicant', mustChangePassword: false }, '/', null],
  ])('%s', (_name, user, path, expected) => {
    expect(requiredStepPath(user, path)).toBe(expected);
  });
});
