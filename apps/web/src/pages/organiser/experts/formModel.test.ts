import { describe, expect, it } from 'vitest';
import { regionPathOf, toIssueBody, toUpdateBody } from './formModel';

describe('expert form model', () => {
  it('turns a region code into the cascader path', () => {
    expect(regionPathOf('440305')).toEqual(['440000', '440300', '440305']);
    expect(regionPathOf('440300')).toEqual(['440000', '440300']);
    expect(regionPathOf('440000')).toEqual(['440000']);
    expect(regionPathOf(null)).toEqual([]);
  });

  it('sends the deepest region, blanks as null, declared conflicts with a code only, and no mobile on edit unless typed', () => {
    const values = {
      username: ' li_jiaoshou ',
      name: '李教授',
      title: ' ',
      mobile: '',
      employerName: '华南理工大学',
      employerUscc: '',
      regionPath: ['440000', '440100', '440106'],
      fields: ['工业设计'],
      categories: [],
      maxLoad: undefined,
      declaredConflicts: [{ uscc: '91440300ma5xxxxxx1', note: '' }, { uscc: '', note: '空行' }],
    };
    const body = toIssueBody(values);
    expect(body).toMatchObject({ username: 'li_jiaoshou', regionCode: '440106', title: null, mobile: null, employerUscc: null, maxLoad: null });
    expect(body.declaredConflicts).toEqual([{ uscc: '91440300MA5XXXXXX1', note: null }]);
    expect('mobile' in toUpdateBody(values)).toBe(false);
    expect(toUpdateBody({ ...values, mobile: '13800138000' }).mobile).toBe('13800138000');
  });
});
