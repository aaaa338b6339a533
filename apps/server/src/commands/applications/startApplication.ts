import { and, eq } from 'drizzle-orm';
import { CATEGORY_SUB_TYPES, ENTRY_CATEGORIES, roundAcceptsRegion, type Category, type Entry } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, organisations, rounds } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

/** Checks that the category and sub-type fit the round and the account's entry. */
export function assertCategoryAllowed(opts: { entry: Entry; roundCategories: readonly string[]; category: Category; subType: string | null | undefined }) {
  if (!opts.roundCategories.includes(opts.category)) throw new AppError('VALIDATION', '本批次不设此申报类别', { category: '本批次不设此类别' });
  if (!ENTRY_CATEGORIES[opts.entry].includes(opts.category)) throw new AppError('VALIDATION', '该账号类型不能申报此类别', { category: '该账号类型不能申报此类别' });
  const subTypes = CATEGORY_SUB_TYPES[opts.category];
  if (subTypes.length && !subTypes.includes(opts.subType ?? '')) throw new AppError('VALIDATION', '请选择申报类型（二选一）', { subType: '请选择申报类型' });
  if (!subTypes.length && opts.subType) throw new AppError('VALIDATION', '此类别没有细分类型', { subType: '此类别没有细分类型' });
}

/** Opens the organisation's application in a round (or returns the one it already has). */
export async function startApplication(ctx: AppContext, actor: Actor, opts: { roundId: string; category: Category; subType?: string | null }) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.userId, actor.id)).limit(1);
  if (!org?.certifiedAt || !org.regionCode) throw new AppError('STATUS_CONFLICT', '请先完成单位认证');
  if (!org.contact) throw new AppError('STATUS_CONFLICT', '请先填写联系人信息');
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, opts.roundId)).limit(1);
  if (!round || round.status !== 'open') throw new AppError('NOT_FOUND', '遴选批次不存在或未开放');
  if (!roundAcceptsRegion(round, org.regionCode)) throw new AppError('FORBIDDEN', '本单位所在地区不在该批次的申报范围内');
  const now = ctx.now();
  if (now < round.fillingOpensAt || now > round.fillingClosesAt) throw new AppError('DEADLINE_PASSED', '本批次当前不在填报期内');

  const [existing] = await ctx.db.select().from(applications).where(and(eq(applications.roundId, round.id), eq(applications.organisationId, org.id))).limit(1);
  if (existing) return existing;
  assertCategoryAllowed({ entry: org.entry as Entry, roundCategories: round.config.categories, category: opts.category, subType: opts.subType });

  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({ roundId: round.id, organisationId: org.id, category: opts.category, subType: opts.subType ?? null, regionCode: org.regionCode!, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    // A concurrent start won the race: hand back its application.
    const app = created ?? (await tx.select().from(applications).where(and(eq(applications.roundId, round.id), eq(applications.organisationId, org.id))).limit(1))[0]!;
    if (created) await recordAudit(tx, { actorId: actor.id, action: 'application.start', subjectType: 'application', subjectId: app.id, regionCode: app.regionCode, detail: { category: app.category, subType: app.subType }, ip: actor.ip });
    return app;
  });
}
