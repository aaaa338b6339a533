import { and, eq, isNull } from 'drizzle-orm';
import type { CertifyBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { organisations } from '../../db/schema/index.js';
import { findRegion } from '../../db/queries/regions.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

/** Business statuses that exclude an organisation from applying. */
const INACTIVE = ['吊销', '注销', '停业', '清算'];

/**
 * Certifies the applicant's organisation. Enterprise-type accounts take the registry's data
 * (never typed); city accounts name their government body and choose their city or district.
 * The region is fixed from then on.
 */
export async function certifyOrganisation(ctx: AppContext, actor: Actor, body: CertifyBody) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.userId, actor.id)).limit(1);
  if (!org) throw new AppError('STATUS_CONFLICT', '请先选择申报类别');
  if (org.certifiedAt) throw new AppError('STATUS_CONFLICT', '单位已认证，所属地不可更改');
  if (org.entry !== body.entry) throw new AppError('VALIDATION', '认证类型与所选类别不一致');

  let values: Partial<typeof organisations.$inferInsert>;
  if (body.entry === 'enterprise') {
    const entry = await ctx.registry.lookup(body.uscc);
    if (!entry) throw new AppError('NOT_FOUND', '工商登记信息中未找到该统一社会信用代码', { uscc: '未找到该单位的工商登记信息' });
    if (INACTIVE.includes(entry.businessStatus)) throw new AppError('VALIDATION', `该单位登记状态为“${entry.businessStatus}”，不能申报`, { uscc: `登记状态：${entry.businessStatus}` });
    values = {
      uscc: entry.uscc,
      name: entry.name,
      regionCode: entry.regionCode,
      registry: {
        legalRepresentative: entry.legalRepresentative,
        registeredCapital: entry.registeredCapital,
        orgType: entry.orgType,
        address: entry.address,
        establishedOn: entry.establishedOn,
        businessStatus: entry.businessStatus,
      },
    };
  } else {
    const region = await findRegion(ctx.db, body.regionCode);
    if (!region || region.level === 'province') throw new AppError('VALIDATION', '请选择地级市或区', { regionCode: '请选择地级市或区' });
    values = { uscc: body.uscc, name: body.name, regionCode: region.code, registry: { address: null, legalRepresentative: null, registeredCapital: null, orgType: '机关', establishedOn: null, businessStatus: null } };
  }
  const dup = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, values.uscc!)).limit(1);
  if (dup.length) throw new AppError('CONFLICT', '该单位已由其他账号认证；如有疑问请联系主管部门', { uscc: '该单位已被其他账号认证' });

  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organisations)
      .set({ ...values, certifiedAt: ctx.now() })
      .where(and(eq(organisations.id, org.id), isNull(organisations.certifiedAt)))
      .returning();
    if (!updated) throw new AppError('STATUS_CONFLICT', '单位已认证，所属地不可更改');
    await recordAudit(tx, { actorId: actor.id, action: 'organisation.certify', subjectType: 'organisation', subjectId: org.id, regionCode: updated.regionCode, detail: { uscc: updated.uscc, name: updated.name }, ip: actor.ip });
    return updated;
  });
}
