/**
 * Grades of the annual evaluation (评估评价, seeds 002/003): 优秀, 合格, 基本合格. A year in which a unit
 * was not graded has no grade (null), never a fourth value.
 */
export const EVALUATION_GRADES = ['excellent', 'qualified', 'basic'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export const GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
};

/** Shown for a year without a grade (not evaluated, or evaluation not finished). */
export const NOT_GRADED_LABEL = '未评估';

/** Consecutive years graded 基本合格 after which the title is revoked (seed 003). */
export const BASIC_YEARS_TO_REVOKE = 3;

export function isEvaluationGrade(v: unknown): v is EvaluationGrade {
  return typeof v === 'string' && (EVALUATION_GRADES as readonly string[]).includes(v);
}

/** A grade from its key (basic) or its Chinese label (基本合格); null when it is neither. */
export function gradeOf(input: string): EvaluationGrade | null {
  const s = input.trim();
  if (isEvaluationGrade(s)) return s;
  return EVALUATION_GRADES.find((g) => GRADE_LABELS[g] === s) ?? null;
}

export function gradeLabel(grade: EvaluationGrade | null | undefined): string {
  return grade ? GRADE_LABELS[grade] : NOT_GRADED_LABEL;
}
