import { BASIC_YEARS_TO_REVOKE, gradeLabel, isEvaluationGrade, type EvaluationGrade } from './grades.js';
import { BUSINESS_STATUS_LABELS, businessStatusKind, isRevokingStatus, type BusinessStatusKind } from './businessStatus.js';

/**
 * The revocation rules of the annual evaluation (seed 003: 对连续三年被评估为基本合格，以及经营状态为
 * 注销、清算等情况的示范主体取消示范资格; seed 002 names 吊销、注销、停业、清算). The engine only
 * proposes; the organiser confirms.
 *
 * Decisions where the seeds are silent (each has a test in rules.test.ts):
 * - "连续三年" means three consecutive calendar years. A year without a grade — not in the history, or
 *   present with grade null (not evaluated, written explanation only) — breaks the run.
 * - The run must end in the evaluation year: after 基本合格 in Y-2, Y-1 and Y the evaluation of Y proposes
 *   revocation. An older run that a better grade already ended is not acted on now (that year's
 *   evaluation was the time); it is reported in `notes`.
 * - Grades after the evaluation year are left out (the history as it stood in that year) and noted,
 *   so an earlier year can be re-evaluated.
 * - A year listed twice, a year before designation and a malformed record are refused
 *   (EvaluationInputError): the caller's data is wrong and a proposal built on it would be too.
 * - A first-year unit (designated in the evaluation year or with no grades) can only be proposed for
 *   revocation through its business status.
 * - The business status applies whatever the grades say; an unreadable status never revokes but is
 *   noted for a person to check.
 */

export interface GradeRecord {
  year: number;
  /** null: the unit was not graded that year. */
  grade: EvaluationGrade | null;
  /**
   * The unit could not fill online (e.g. its business was revoked or cancelled) and its authority sent
   * a written explanation (书面说明) for this year instead of the online form.
   */
  writtenExplanation?: boolean;
}

export interface RevocationInput {
  /** The unit's grades, in any order, with gaps allowed. */
  history: readonly GradeRecord[];
  /** 经营状态 as the registry prints it (存续, 吊销，未注销 …); null when unknown. */
  businessStatus: string | null;
  /** The year being evaluated (评估年度). */
  evaluationYear: number;
  /** The year the unit was designated (认定年份); grades before it are refused. */
  designatedYear?: number;
}

export type RevocationProposal = 'revoke' | 'keep';

export interface RevocationResult {
  propose: RevocationProposal;
  /** Why revocation is proposed (empty when keeping), in Chinese, for the organiser and the record. */
  reasons: string[];
  /** What a person should look at without changing the proposal, in Chinese. */
  notes: string[];
  /** The normalised business status. */
  statusKind: BusinessStatusKind;
  /** The years of the run of 基本合格 that ends in the evaluation year (empty when none). */
  basicStreak: number[];
}

export type EvaluationInputProblem = 'year' | 'grade' | 'duplicate' | 'beforeDesignation';

export class EvaluationInputError extends Error {
  constructor(
    readonly problem: EvaluationInputProblem,
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationInputError';
  }
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function isYear(y: unknown): y is number {
  return typeof y === 'number' && Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** The history sorted by year, or an EvaluationInputError for malformed, duplicate or too early years. */
export function checkedHistory(history: readonly GradeRecord[], designatedYear?: number): GradeRecord[] {
  const seen = new Set<number>();
  for (const r of history) {
    if (!isYear(r.year)) throw new EvaluationInputError('year', `评估年度「${String(r.year)}」无效`);
    if (r.grade !== null && !isEvaluationGrade(r.grade)) throw new EvaluationInputError('grade', `${r.year}年的评估等次「${String(r.grade)}」无效`);
    if (seen.has(r.year)) throw new EvaluationInputError('duplicate', `${r.year}年的评估结果重复，每年只能有一个等次`);
    if (designatedYear !== undefined && r.year < designatedYear) {
      throw new EvaluationInputError('beforeDesignation', `${r.year}年早于认定年份${designatedYear}年，不应有评估结果`);
    }
    seen.add(r.year);
  }
  return [...history].sort((a, b) => a.year - b.year);
}

/** Runs of consecutive calendar years graded 基本合格, oldest first (history sorted, years unique). */
function basicRuns(history: readonly GradeRecord[]): number[][] {
  const runs: number[][] = [];
  let previous: GradeRecord | undefined;
  for (const r of history) {
    if (r.grade === 'basic') {
      const last = runs[runs.length - 1];
      if (last && previous?.grade === 'basic' && previous.year === r.year - 1) last.push(r.year);
      else runs.push([r.year]);
    }
    previous = r;
  }
  return runs;
}

const yearsText = (years: readonly number[]) => years.map((y) => `${y}年`).join('、');

/** Applies the revocation rules to one unit for one evaluation year. */
export function proposeRevocation(input: RevocationInput): RevocationResult {
  if (!isYear(input.evaluationYear)) throw new EvaluationInputError('year', `评估年度「${String(input.evaluationYear)}」无效`);
  const all = checkedHistory(input.history, input.designatedYear);
  const history = all.filter((r) => r.year <= input.evaluationYear);
  const reasons: string[] = [];
  const notes: string[] = [];

  const later = all.filter((r) => r.year > input.evaluationYear);
  if (later.length > 0) notes.push(`${yearsText(later.map((r) => r.year))}晚于评估年度${input.evaluationYear}年，未纳入本次判断`);

  const runs = basicRuns(history);
  const current = runs.find((run) => run[run.length - 1] === input.evaluationYear && run.length >= BASIC_YEARS_TO_REVOKE) ?? [];
  const basicStreak = current.slice(-BASIC_YEARS_TO_REVOKE);
  if (basicStreak.length > 0) reasons.push(`${yearsText(basicStreak)}连续三年评估为基本合格`);
  for (const run of runs) {
    if (run !== current && run.length >= BASIC_YEARS_TO_REVOKE) notes.push(`${yearsText(run)}曾连续评估为基本合格，此后等次已改善`);
  }

  const statusKind = businessStatusKind(input.businessStatus);
  const shownStatus = input.businessStatus?.trim() ?? '';
  if (isRevokingStatus(statusKind)) {
    const label = BUSINESS_STATUS_LABELS[statusKind];
    reasons.push(shownStatus === label ? `经营状态为${label}` : `经营状态为${label}（${shownStatus}）`);
  } else if (statusKind === 'unknown') {
    notes.push(shownStatus ? `经营状态「${shownStatus}」无法识别，请人工核实` : '未取得经营状态，请人工核实');
  }

  const explained = history.filter((r) => r.writtenExplanation).map((r) => r.year);
  if (explained.length > 0 && !isRevokingStatus(statusKind)) {
    notes.push(`${yearsText(explained)}以书面说明代替网上填报，但经营状态并非吊销、注销、停业或清算，请核实`);
  }
  if (input.designatedYear !== undefined && input.evaluationYear <= input.designatedYear) {
    notes.push(`${input.designatedYear}年认定，${input.evaluationYear}年尚不参加评估评价`);
  }
  return { propose: reasons.length > 0 ? 'revoke' : 'keep', reasons, notes, statusKind, basicStreak };
}

/** One line per year for display: 2021年 基本合格. */
export function historyLines(history: readonly GradeRecord[]): string[] {
  return [...history].sort((a, b) => a.year - b.year).map((r) => `${r.year}年 ${gradeLabel(r.grade)}${r.writtenExplanation ? '（书面说明）' : ''}`);
}
