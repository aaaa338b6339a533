import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { CATEGORY_LABELS, DEFAULT_FORM_VERSION, type RoundConfig } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';

/** Applications started and submitted in a round. */
export async function applicationCounts(db: DbOrTx, roundId: string): Promise<{ started: number; submitted: number }> {
  const [row] = await db
    .select({ started: count(), submitted: sql<number>`count(*) filter (where ${isNotNull(applications.currentNumber)})` })
    .from(applications)
    .where(eq(applications.roundId, roundId));
  return { started: Number(row?.started ?? 0), submitted: Number(row?.submitted ?? 0) };
}

/** Why the form-shaping settings are locked: applications are filled against them. */
export function configLockReason(started: number): string | null {
  return started > 0 ? `本批次已有${started}份申报书开始填写，申报类别、模式、申报书版本、指标年度和批次代码不能再修改（已填写的申报书须保持原有表单）` : null;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The locked settings an edit would change, named in Chinese: applications already started keep the
 * categories, modes, form and indicator years they were filled with, and their numbers the code.
 */
export function lockedChanges(before: { code: string; config: RoundConfig }, after: { code: string; config: RoundConfig }): Record<string, string> {
  const changed: Record<string, string> = {};
  const b = before.config;
  const a = after.config;
  if (!sameList([...b.categories].sort(), [...a.categories].sort())) {
    const names = (cs: readonly string[]) => cs.map((c) => CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS] ?? c).join('、');
    changed['config.categories'] = `已有申报书开始填写，申报类别不能修改（当前：${names(b.categories)}）`;
  }
  if (!sameList(b.modes, a.modes) || b.sharedMode !== a.sharedMode) changed['config.modes'] = '已有申报书开始填写，模式列表不能修改（申报书中已选的模式须保持有效）';
  const version = (c: RoundConfig) => c.formVersion ?? DEFAULT_FORM_VERSION;
  if (version(b) !== version(a)) changed['config.formVersion'] = `已有申报书开始填写，申报书版本不能修改（当前：${version(b)}）`;
  if (!sameList(b.indicatorYears, a.indicatorYears)) changed['config.indicatorYears'] = '已有申报书开始填写，指标年度不能修改（已填写的指标按原年度保存）';
  if (before.code !== after.code) changed.code = '已有申报书开始填写，批次代码不能修改（申报编号中含有批次代码）';
  return changed;
}
