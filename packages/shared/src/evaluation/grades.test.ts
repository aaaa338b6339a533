import { describe, expect, it } from 'vitest';
import { GRADE_LABELS, gradeLabel, gradeOf } from './grades.js';

describe('grades', () => {
  it('reads a grade from its key or its Chinese label', () => {
    expect(gradeOf('basic')).toBe('basic');
    expect(gradeOf(' 基本合格 ')).toBe('basic');
    expect(gradeOf('优秀')).toBe('excellent');
    expect(gradeOf('合格')).toBe('qualified');
    expect(gradeOf('不合格')).toBeNull();
  });

  it('labels the three grades and a missing one', () => {
    expect(Object.values(GRADE_LABELS)).toEqual(['优秀', '合格', '基本合格']);
    expect(gradeLabel(null)).toBe('未评估');
  });
});
