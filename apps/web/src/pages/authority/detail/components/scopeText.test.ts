import { describe, expect, it } from 'vitest';
import { scopeText } from './scopeText';

describe('scopeText', () => {
  it('says 全部内容 for a whole reopening', () => {
    expect(scopeText({ whole: true, sections: ['basic'], slots: [] })).toBe('全部内容');
  });
  it('names the sections by their titles and the slots by their labels', () => {
    expect(scopeText({ whole: false, sections: ['basic'], slots: ['supporting'] }, (k) => (k === 'basic' ? '一、企业基本情况' : k))).toBe('一、企业基本情况、随附材料');
  });
});
