import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq, asc } from 'drizzle-orm';
import { certifyBody, chooseEntryBody, contactBody, organisationResponse, registryLookupQuery, registryRecord } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { organisations, regions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { presentOrganisation } from '../../presenters/organisation.js';
import { recordAudit } from '../../services/audit.js';
import { certifyOrganisation } from '../../commands/organisation/certifyOrganisation.js';
import { regionPath } from '../../db/queries/regions.js';

const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

export const organisationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const loadOwn = async (userId: string) => (await ctx.db.select().from(organisations).where(eq(organisations.userId, userId)).limit(1))[0];

  app.get('/regions', {
    schema: { tags: ['reference'], summary: '行政区划（GB/T 2260）', querystring: z.object({ parent: z.string().regex(/^\d{6}$/).optional() }), response: { 200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })) } },
  }, async (req) => {
    const rows = await ctx.db
      .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
      .from(regions)
      .where(req.query.parent ? eq(regions.parentCode, req.query.parent) : eq(regions.level, 'province'))
      .orderBy(asc(regions.code));
    return rows.map(({ code, name, level }) => ({ code, name, level }));
  });

  app.register(async (scope) => {
    const own = scope.withTypeProvider<ZodTypeProvider>();
    own.addHook('preHandler', requireRole('applicant'));

    own.get('/organisation', { schema: { tags: ['organisation'], summary: '本单位信息', response: { 200: z.object({ organisation: organisationResponse.nullable() }) } } }, async (req) => {
      const org = await loadOwn(actorOf(req).id);
      return { organisation: org ? await presentOrganisation(ctx, org) : null };
    });

    own.post('/organisation/entry', { schema: { tags: ['organisation'], summary: '选择申报入口（企业类/城市类）', body: chooseEntryBody, response: { 200: organisationResponse, 409: errorBody } } }, async (req) => {
      const actor = actorOf(req);
      const org = await loadOwn(actor.id);
      if (org?.certifiedAt && org.entry !== req.body.entry) throw new AppError('STATUS_CONFLICT', '单位已认证，不能更改申报入口');
      const saved = await ctx.db.transaction(async (tx) => {
        const [row] = org
          ? await tx.update(organisations).set({ entry: req.body.entry }).where(eq(organisations.id, org.id)).returning()
          : await tx.insert(organisations).values({ userId: actor.id, entry: req.body.entry }).returning();
        await recordAudit(tx, { actorId: actor.id, action: 'organisation.entry', subjectType: 'organisation', subjectId: row!.id, detail: { entry: req.body.entry }, ip: actor.ip });
        return row!;
      });
      return presentOrganisation(ctx, saved);
    });

    own.get('/registry/lookup', {
      schema: { tags: ['organisation'], summary: '按单位全称或统一社会信用代码查询工商登记信息', querystring: registryLookupQuery, response: { 200: registryRecord, 404: errorBody } },
    }, async (req) => {
      const entry = await ctx.registry.lookup(req.query.q);
      if (!entry) throw new AppError('NOT_FOUND', '未查询到该单位的工商登记信息，请核对单位全称或统一社会信用代码', { q: '未查询到该单位' });
      return { ...entry, regionName: await regionPath(ctx.db, entry.regionCode) };
    });

    own.post('/organisation/certify', { schema: { tags: ['organisation'], summary: '单位认证（所属地认证后不可更改）', body: certifyBody, response: { 200: organisationResponse, 400: errorBody, 404: errorBody, 409: errorBody } } }, async (req) => {
      const org = await certifyOrganisation(ctx, actorOf(req), req.body);
      return presentOrganisation(ctx, org);
    });

    own.put('/organisation/contact', { schema: { tags: ['organisation'], summary: '填写联系人', body: contactBody, response: { 200: organisationResponse, 409: errorBody } } }, async (req) => {
      const actor = actorOf(req);
      const org = await loadOwn(actor.id);
      if (!org?.certifiedAt) throw new AppError('STATUS_CONFLICT', '请先完成单位认证');
      const { name, position, mobile, email } = req.body;
      const contact = { name, position, mobileEnc: ctx.personalData.protect(mobile), emailEnc: ctx.personalData.protect(email) };
      const saved = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.update(organisations).set({ contact }).where(eq(organisations.id, org.id)).returning();
        await recordAudit(tx, { actorId: actor.id, action: 'organisation.contact', subjectType: 'organisation', subjectId: org.id, regionCode: org.regionCode, ip: actor.ip });
        return row!;
      });
      return presentOrganisation(ctx, saved);
    });
  });
};
