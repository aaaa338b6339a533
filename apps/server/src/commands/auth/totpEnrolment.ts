import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { recoveryCodes, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { forgetTotpSteps, hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrDataUrl, totpRequiredFor, totpUri, verifyTotp } from '../../services/totp.js';

async function loadUser(ctx: AppContext, actor: Actor) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return user;
}

/** What the security page shows. */
export async function totpStatus(ctx: AppContext, actor: Actor) {
  const user = await loadUser(ctx, actor);
  const [left] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return { enabled: !!user.totpEnabledAt, required: totpRequiredFor(user.role), enabledAt: user.totpEnabledAt?.toISOString() ?? null, recoveryCodesLeft: user.totpEnabledAt ? (left?.n ?? 0) : 0 };
}

/**
 * Starts (or restarts) enrolment: a new secret, generated here and stored encrypted, not yet in force
 * until a first code confirms it. Refused once a second factor is active.
 */
export async function startTotpEnrolment(ctx: AppContext, actor: Actor) {
  const user = await loadUser(ctx, actor);
  if (user.totpEnabledAt) throw new AppError('CONFLICT', '已绑定动态口令');
  const secret = newTotpSecret();
  await forgetTotpSteps(ctx.db, user.id);
  await ctx.db.update(users).set({ totpSecretEnc: ctx.personalData.protect(secret) }).where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)));
  const uri = totpUri(user.username ?? user.displayName ?? '申报账号', secret);
  return { secret, otpauthUri: uri, qrDataUrl: await qrDataUrl(uri) };
}

/** Replaces the account's recovery codes; returns them in clear, the only time they are shown. */
async function replaceRecoveryCodes(ctx: AppContext, userId: string, tx: Tx): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c), createdAt: ctx.now() })));
  return codes;
}

/** Confirms enrolment with a first code: the factor is in force and 10 recovery codes are issued. */
export async function confirmTotpEnrolment(ctx: AppContext, actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await loadUser(ctx, actor);
  if (user.totpEnabledAt) throw new AppError('CONFLICT', '已绑定动态口令');
  if (!user.totpSecretEnc) throw new AppError('CONFLICT', '请先生成绑定二维码');
  if (!(await verifyTotp(ctx.db, user.id, ctx.personalData.reveal(user.totpSecretEnc), code, ctx.now()))) {
    throw new AppError('VALIDATION', '动态口令不正确，请输入验证器中显示的6位数字', { code: '动态口令不正确' });
  }
  return ctx.db.transaction(async (tx) => {
    const done = await tx.update(users).set({ totpEnabledAt: ctx.now() }).where(and(eq(users.id, user.id), isNull(users.totpEnabledAt))).returning({ id: users.id });
    if (done.length === 0) throw new AppError('CONFLICT', '已绑定动态口令');
    const codes = await replaceRecoveryCodes(ctx, user.id, tx);
    await recordAudit(tx, { actorId: user.id, action: 'user.totp_enable', subjectType: 'user', subjectId: user.id, ip: actor.ip });
    return { recoveryCodes: codes };
  });
}

/** New recovery codes (the old ones stop working), proven by a current code. */
export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await loadUser(ctx, actor);
  if (!user.totpEnabledAt || !user.totpSecretEnc) throw new AppError('CONFLICT', '尚未绑定动态口令');
  if (!(await verifyTotp(ctx.db, user.id, ctx.personalData.reveal(user.totpSecretEnc), code, ctx.now()))) {
    throw new AppError('VALIDATION', '动态口令不正确', { code: '动态口令不正确' });
  }
  return ctx.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(ctx, user.id, tx);
    await recordAudit(tx, { actorId: user.id, action: 'user.recovery_codes_renew', subjectType: 'user', subjectId: user.id, ip: actor.ip });
    return { recoveryCodes: codes };
  });
}

/** Applicants may turn the optional factor off again with a current code; required roles may not. */
export async function disableTotp(ctx: AppContext, actor: Actor, code: string): Promise<void> {
  const user = await loadUser(ctx, actor);
  if (totpRequiredFor(user.role)) throw new AppError('FORBIDDEN', '该类账号必须使用动态口令，不能关闭');
  if (!user.totpEnabledAt || !user.totpSecretEnc) throw new AppError('CONFLICT', '尚未绑定动态口令');
  if (!(await verifyTotp(ctx.db, user.id, ctx.personalData.reveal(user.totpSecretEnc), code, ctx.now()))) {
    throw new AppError('VALIDATION', '动态口令不正确', { code: '动态口令不正确' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecretEnc: null, totpEnabledAt: null }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(tx, { actorId: user.id, action: 'user.totp_disable', subjectType: 'user', subjectId: user.id, ip: actor.ip });
  });
}
