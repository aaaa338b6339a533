import { describe, expect, it } from 'vitest';
import { activeAuthorityKey, showsOrganiserMenu } from './AuthorityNav';

describe('activeAuthorityKey', () => {
  it.each([
    ['/authority', '/authority'],
    ['/authority/rounds/r1', '/authority'],
    ['/authority/applications/a1', '/authority'],
    ['/authority/rounds/r1/summary', '/authority/summary'],
    ['/authority/summary', '/authority/summary'],
    ['/authority/paper', '/authority/paper'],
    ['/authority/audit', '/authority/audit'],
    ['/accounts', '/accounts'],
    ['/organiser/rounds', '/organiser/rounds'],
    ['/organiser/rounds/r1/ranking', '/organiser/rounds'],
  ])('%s → %s', (path, key) => expect(activeAuthorityKey(path)).toBe(key));
});

describe('showsOrganiserMenu', () => {
  it.each([
    [undefined, false],
    [{ rounds: [], canCreate: false }, false],
    [{ rounds: [], canCreate: true }, true],
    [{ rounds: [{}], canCreate: false }, true],
  ] as const)('%j → %s', (res, shown) => expect(showsOrganiserMenu(res as never)).toBe(shown));
});
