import { describe, expect, it } from 'vitest';
import { activeAuthorityKey } from './AuthorityNav';

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
  ])('%s → %s', (path, key) => expect(activeAuthorityKey(path)).toBe(key));
});
