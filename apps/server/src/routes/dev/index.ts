import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { desc } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { smsOutbox } from '../../db/schema/index.js';
import { DEMO_AUTHORITIES, DEMO_TOTP_SECRETS } from '../../db/seed/authorities.js';
import { DEMO_EXPERTS, DEMO_EXPERT_TOTP_SECRETS } from '../../db/seed/stage45.js';
import { currentTotp } from '../../services/totp.js';
import { mailOutboxDir } from '../../services/email/createEmailSender.js';
import { listMailOutbox } from '../../services/email/OutboxEmailSender.js';

/** Development only (DEV_OUTBOX): the local SMS outbox, where testers read their codes. */
export const devRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/dev/outbox', {
    schema: { tags: ['dev'], summary: '短信发件箱（仅开发环境）', response: { 200: z.array(z.object({ id: z.string(), mobileMasked: z.string(), text: z.string(), createdAt: z.string() })) } },
  }, async () => {
    const rows = await ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(100);
    return rows.map((r) => ({ id: r.id, mobileMasked: r.mobileMasked, text: r.text, createdAt: r.createdAt.toISOString() }));
  });

  app.get('/dev/mail-outbox', {
    schema: { tags: ['dev'], summary: '邮件发件箱（仅开发环境）', response: { 200: z.array(z.object({ id: z.string(), toMasked: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })) } },
  }, async () => listMailOutbox(mailOutboxDir(ctx.env)));

  app.get('/dev/totp', {
    schema: {
      tags: ['dev'],
      summary: '演示主管部门和评审专家账号的当前动态口令（仅开发环境）',
      response: { 200: z.array(z.object({ username: z.string(), displayName: z.string(), code: z.string(), secondsLeft: z.number() })) },
    },
  }, async () => {
    // Only the demo accounts' fixed secrets: real accounts' secrets are never revealed.
    const now = ctx.now();
    const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
    const authorities = DEMO_AUTHORITIES.map((a) => ({ username: a.username, displayName: a.displayName, code: currentTotp(DEMO_TOTP_SECRETS[a.username]!, now), secondsLeft }));
    const pool = DEMO_EXPERTS.map((e) => ({ username: e.username, displayName: `${e.name}（评审专家）`, code: currentTotp(DEMO_EXPERT_TOTP_SECRETS[e.username]!, now), secondsLeft }));
    return [...authorities, ...pool];
  });
};
