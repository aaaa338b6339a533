import { eq } from 'drizzle-orm';
import type { CreateRoundBody, RoundConfig } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { rounds } from '../../db/schema/index.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { mayCreateRounds, templatesFor } from './templatesFor.js';
import { assertValidRound, codeTaken, isCodeTaken } from './validateRound.js';

/**
 * Creates a round in draft, from a template of the actor's level (based on its region) or from a
 * config of its own. An authority organises at its own region; an administrator at the template's
 * region or the one it names.
 */
export async function createRound(ctx: AppContext, actor: Actor, body: CreateRoundBody) {
  if (!mayCreateRounds(actor)) throw forbidden('本级主管部门不组织遴选批次');
  const template = body.templateKey ? templatesFor(actor).find((t) => t.key === body.templateKey) : undefined;
  if (body.templateKey && !template) throw notFound('遴选批次模板');

  let organiserRegion: string;
  if (actor.role === 'admin') {
    const region = body.organiserRegion ?? template?.organiserRegion;
    if (!region) throw new AppError('VALIDATION', '请填写组织单位地区代码', { organiserRegion: '请填写组织单位地区代码' });
    organiserRegion = region;
  } else {
    if (body.organiserRegion && body.organiserRegion !== actor.regionCode) {
      throw new AppError('VALIDATION', '只能创建由本单位组织的遴选批次', { organiserRegion: '只能是本单位所在地区' });
    }
    organiserRegion = actor.regionCode!;
  }
  const config: RoundConfig = body.config ?? template!.config;
  assertValidRound(config, organiserRegion, body);

  const [taken] = await ctx.db.select({ id: rounds.id }).from(rounds).where(eq(rounds.code, body.code)).limit(1);
  if (taken) throw codeTaken(body.code);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [round] = await tx
        .insert(rounds)
        .values({
          code: body.code,
          name: body.name,
          year: body.year,
          organiserRegion,
          status: 'draft',
          fillingOpensAt: new Date(body.fillingOpensAt),
          fillingClosesAt: new Date(body.fillingClosesAt),
          config,
          createdAt: ctx.now(),
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'round.create',
        subjectType: 'round',
        subjectId: round!.id,
        regionCode: organiserRegion,
        detail: { code: round!.code, name: round!.name, template: template?.key ?? null },
        ip: actor.ip,
      });
      return round!;
    });
  } catch (err) {
    // Two organisers chose the same code at the same moment: the unique index decides.
    if (isCodeTaken(err)) throw codeTaken(body.code);
    throw err;
  }
}
