import { describe, expect, it } from 'vitest';
import { EvaluationInputError, historyLines, proposeRevocation, type GradeRecord, type RevocationInput } from './rules.js';

const g = (year: number, grade: GradeRecord['grade'], writtenExplanation?: boolean): GradeRecord => ({ year, grade, ...(writtenExplanation ? { writtenExplanation } : {}) });
const run = (over: Partial<RevocationInput>) => proposeRevocation({ history: [], businessStatus: '存续', evaluationYear: 2023, ...over });

describe('three consecutive 基本合格', () => {
  it('proposes revocation after 基本合格 in the evaluation year and the two before it', () => {
    const r = run({ history: [g(2021, 'basic'), g(2022, 'basic'), g(2023, 'basic')] });
    expect(r.propose).toBe('revoke');
    expect(r.reasons).toEqual(['2021年、2022年、2023年连续三年评估为基本合格']);
    expect(r.basicStreak).toEqual([2021, 2022, 2023]);
  });

  it('keeps a unit with two years of 基本合格', () => {
    const r = run({ history: [g(2022, 'basic'), g(2023, 'basic')] });
    expect(r).toMatchObject({ propose: 'keep', reasons: [], basicStreak: [] });
  });

  it('keeps a unit whose run is interrupted by 合格', () => {
    expect(run({ history: [g(2020, 'basic'), g(2021, 'basic'), g(2022, 'qualified'), g(2023, 'basic')] }).propose).toBe('keep');
  });

  it('keeps a unit whose run is interrupted by 优秀', () => {
    expect(run({ history: [g(2021, 'basic'), g(2022, 'excellent'), g(2023, 'basic')] }).propose).toBe('keep');
  });

  it('names the last three years when the run is longer', () => {
    const r = run({ history: [g(2020, 'basic'), g(2021, 'basic'), g(2022, 'basic'), g(2023, 'basic')] });
    expect(r.propose).toBe('revoke');
    expect(r.basicStreak).toEqual([2021, 2022, 2023]);
  });
});

describe('missing years', () => {
  it('a year absent from the history breaks the run (2022 not evaluated)', () => {
    const r = run({ history: [g(2020, 'basic'), g(2021, 'basic'), g(2023, 'basic')] });
    expect(r.propose).toBe('keep');
  });

  it('a year present without a grade breaks the run too', () => {
    expect(run({ history: [g(2021, 'basic'), g(2022, null), g(2023, 'basic')] }).propose).toBe('keep');
  });

  it('the run must end in the evaluation year: no grade yet for 2024 keeps the unit', () => {
    const r = run({ history: [g(2021, 'basic'), g(2022, 'basic'), g(2023, 'basic')], evaluationYear: 2024 });
    expect(r.propose).toBe('keep');
  });

  it('an older run ended by a better grade is noted, not acted on', () => {
    const r = run({ history: [g(2019, 'basic'), g(2020, 'basic'), g(2021, 'basic'), g(2022, 'qualified'), g(2023, 'qualified')] });
    expect(r.propose).toBe('keep');
    expect(r.notes).toContain('2019年、2020年、2021年曾连续评估为基本合格，此后等次已改善');
  });
});

describe('order, duplicates and future years', () => {
  it('reads a history given out of order', () => {
    const r = run({ history: [g(2023, 'basic'), g(2021, 'basic'), g(2022, 'basic'), g(2019, 'excellent')] });
    expect(r.propose).toBe('revoke');
    expect(r.basicStreak).toEqual([2021, 2022, 2023]);
  });

  it('refuses a year listed twice', () => {
    const call = () => run({ history: [g(2022, 'basic'), g(2022, 'qualified'), g(2023, 'basic')] });
    expect(call).toThrow(EvaluationInputError);
    expect(call).toThrow('2022年的评估结果重复，每年只能有一个等次');
  });

  it('refuses a year listed twice even with the same grade', () => {
    expect(() => run({ history: [g(2023, 'basic'), g(2023, 'basic')] })).toThrow(/重复/);
  });

  it('leaves grades after the evaluation year out and says so', () => {
    const r = run({ history: [g(2020, 'basic'), g(2021, 'basic'), g(2022, 'basic'), g(2023, 'excellent')], evaluationYear: 2022 });
    expect(r.propose).toBe('revoke');
    expect(r.notes).toContain('2023年晚于评估年度2022年，未纳入本次判断');
  });

  it('a 基本合格 after the evaluation year does not complete a run', () => {
    expect(run({ history: [g(2021, 'basic'), g(2022, 'basic'), g(2023, 'basic')], evaluationYear: 2022 }).propose).toBe('keep');
  });

  it('refuses malformed years and grades', () => {
    expect(() => run({ history: [g(2022.5, 'basic')] })).toThrow(/评估年度/);
    expect(() => run({ history: [g(1999, 'basic')] })).toThrow(/评估年度「1999」无效/);
    expect(() => run({ history: [{ year: 2022, grade: '基本合格' as never }] })).toThrow('2022年的评估等次「基本合格」无效');
    expect(() => run({ evaluationYear: Number.NaN })).toThrow(/评估年度/);
  });

  it('refuses a grade before the designation year', () => {
    const call = () => run({ history: [g(2021, 'basic')], designatedYear: 2022 });
    expect(call).toThrow('2021年早于认定年份2022年，不应有评估结果');
    try {
      call();
    } catch (err) {
      expect((err as EvaluationInputError).problem).toBe('beforeDesignation');
    }
  });
});

describe('first-year units', () => {
  it('keeps a unit without any grade and notes that it is not yet evaluated', () => {
    const r = run({ history: [], designatedYear: 2023 });
    expect(r.propose).toBe('keep');
    expect(r.notes).toContain('2023年认定，2023年尚不参加评估评价');
  });

  it('still revokes a first-year unit whose business is cancelled', () => {
    const r = run({ history: [], designatedYear: 2023, businessStatus: '注销' });
    expect(r).toMatchObject({ propose: 'revoke', reasons: ['经营状态为注销'], statusKind: 'cancelled' });
  });

  it('a unit with only one or two grades cannot reach the run', () => {
    expect(run({ history: [g(2023, 'basic')], designatedYear: 2022 }).propose).toBe('keep');
  });
});

describe('business status', () => {
  it.each([
    ['吊销', 'revoked', '经营状态为吊销'],
    ['吊销，未注销', 'revoked', '经营状态为吊销（吊销，未注销）'],
    ['吊销,已注销', 'cancelled', '经营状态为注销（吊销,已注销）'],
    ['注销', 'cancelled', '经营状态为注销'],
    ['已注销', 'cancelled', '经营状态为注销（已注销）'],
    ['停业', 'suspended', '经营状态为停业'],
    ['清算', 'liquidation', '经营状态为清算'],
    ['清算中', 'liquidation', '经营状态为清算（清算中）'],
  ])('%s proposes revocation', (status, kind, reason) => {
    const r = run({ history: [g(2023, 'excellent')], businessStatus: status });
    expect(r).toMatchObject({ propose: 'revoke', statusKind: kind, reasons: [reason] });
  });

  it.each(['存续', '在业', '开业', '存续（在营、开业、在册）', ' 在营 '])('%s keeps the unit', (status) => {
    const r = run({ history: [g(2023, 'qualified')], businessStatus: status });
    expect(r).toMatchObject({ propose: 'keep', statusKind: 'operating', notes: [] });
  });

  it('an unreadable or missing status never revokes and asks for a check', () => {
    expect(run({ businessStatus: '撤销' })).toMatchObject({ propose: 'keep', statusKind: 'unknown', notes: ['经营状态「撤销」无法识别，请人工核实'] });
    expect(run({ businessStatus: null }).notes).toEqual(['未取得经营状态，请人工核实']);
    expect(run({ businessStatus: '  ' }).notes).toEqual(['未取得经营状态，请人工核实']);
  });

  it('names both reasons when both rules apply', () => {
    const r = run({ history: [g(2021, 'basic'), g(2022, 'basic'), g(2023, 'basic')], businessStatus: '清算' });
    expect(r.reasons).toEqual(['2021年、2022年、2023年连续三年评估为基本合格', '经营状态为清算']);
  });
});

describe('written explanation instead of the online form', () => {
  it('proposes revocation from the status when the unit could not fill online', () => {
    const r = run({ history: [g(2022, 'qualified'), g(2023, null, true)], businessStatus: '吊销，未注销' });
    expect(r).toMatchObject({ propose: 'revoke', reasons: ['经营状态为吊销（吊销，未注销）'], notes: [] });
  });

  it('a written-explanation year has no grade and breaks a run of 基本合格', () => {
    const r = run({ history: [g(2021, 'basic'), g(2022, 'basic'), g(2023, null, true)], businessStatus: '停业', evaluationYear: 2023 });
    expect(r.reasons).toEqual(['经营状态为停业']);
    expect(r.basicStreak).toEqual([]);
  });

  it('notes an explanation whose unit is still operating', () => {
    const r = run({ history: [g(2023, null, true)], businessStatus: '存续' });
    expect(r.propose).toBe('keep');
    expect(r.notes).toEqual(['2023年以书面说明代替网上填报，但经营状态并非吊销、注销、停业或清算，请核实']);
  });
});

describe('historyLines', () => {
  it('lists the years in order with labels', () => {
    expect(historyLines([g(2023, null, true), g(2021, 'excellent'), g(2022, 'basic')])).toEqual(['2021年 优秀', '2022年 基本合格', '2023年 未评估（书面说明）']);
  });
});
