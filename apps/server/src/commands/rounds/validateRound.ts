import { roundConfigProblems, type RoundConfig } from '@fw/shared';
import { AppError } from '../../errors.js';

/** Refuses settings with cross-field problems; every problem is shown at its field. */
export function assertValidRound(config: RoundConfig, organiserRegion: string, dates: { fillingOpensAt: string; fillingClosesAt: string }): void {
  const problems = roundConfigProblems(config, organiserRegion, dates);
  const first = Object.values(problems)[0];
  if (first) throw new AppError('VALIDATION', `批次设置有误：${first}`, problems);
}

/** A unique-constraint violation of the round code (PostgreSQL and PGlite alike). */
export function isCodeTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e?.cause ?? e;
  return pg?.code === '23505' && (!pg.constraint || pg.constraint.includes('code'));
}

export const codeTaken = (code: string) => new AppError('CONFLICT', `批次代码“${code}”已被使用，请换一个`, { code: '批次代码已被使用' });
