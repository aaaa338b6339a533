import { describe, expect, it } from 'vitest';
import { fromInspectors, toInspectors } from './inspectors';

describe('inspector pickers', () => {
  it('puts pool experts first and drops blank and repeated names', () => {
    expect(toInspectors({ poolIds: ['a', 'a', 'b'], names: [' 王处长 ', '', '王处长', '赵科长'] })).toEqual([
      { userId: 'a', name: '' },
      { userId: 'b', name: '' },
      { userId: null, name: '王处长' },
      { userId: null, name: '赵科长' },
    ]);
  });

  it('splits stored inspectors back into pool ids and free names', () => {
    expect(fromInspectors([{ userId: 'a', name: '李专家' }, { userId: null, name: '王处长' }])).toEqual({ poolIds: ['a'], names: ['王处长'] });
  });
});
