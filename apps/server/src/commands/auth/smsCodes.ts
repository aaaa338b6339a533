import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { smsCodes, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';

export type SmsPurpose = 'register' | 'reset';

/** One code per mobile per minute, at most this many per day. */
export const SMS_COOLDOWN_SECONDS = 60;
export const SMS_DAILY_LIMIT = 10;
/** Wrong guesses before a code is void. */
export const SMS_MAX_ATTEMPTS = 5;

const hashCode = (mobileIndex: string, code: string) => crypto.createHash('sha256').update(`${mobileIndex}:${code}`).digest('hex');

/** Sends a verification code: refuses a taken number for registration and an unknown one for reset. */
export async function sendSmsCode(ctx: AppContext, opts: { mobile: string; purpose: SmsPurpose }): Promise<{ cooldownSeconds: number }> {
  const mobileIndex = ctx.personalData.blindIndex(opts.mobile);
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.mobileIndex, mobileIndex)).limit(1);
  if (opts.purpose === 'register' && existing) throw new AppError('MOBILE_TAKEN', '该手机号已注册，请直接登录或找回密码', { mobile: '该手机号已注册' });
  if (opts.purpose === 'reset' && !existing) throw new AppError('NOT_FOUND', '该手机号尚未注册', { mobile: '该手机号尚未注册' });

  const now = ctx.now();
  const [last] = await ctx.db
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(eq(smsCodes.mobileIndex, mobileIndex))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (last) {
    const wait = SMS_COOLDOWN_SECONDS - Math.floor((now.getTime() - last.createdAt.getTime()) / 1000);
    if (wait > 0) throw new AppError('RATE_LIMITED', `验证码发送过于频繁，请${wait}秒后再试`, undefined, { retryAfterSeconds: wait });
  }
  const [today] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(smsCodes)
    .where(and(eq(smsCodes.mobileIndex, mobileIndex), gt(smsCodes.createdAt, new Date(now.getTime() - 86400_000))));
  if ((today?.n ?? 0) >= SMS_DAILY_LIMIT) throw new AppError('RATE_LIMITED', '该手机号今日获取验证码次数已达上限，请明天再试');

  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.insert(smsCodes).values({
    mobileIndex,
    purpose: opts.purpose,
    codeHash: hashCode(mobileIndex, code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ctx.env.SMS_CODE_TTL_MINUTES * 60_000),
  });
  try {
    await ctx.sms.sendCode(opts.mobile, code, opts.purpose);
  } catch (err) {
    // The gateway's own words never reach the user; the code row stays and expires unused.
    throw new AppError('UNAVAILABLE', '短信发送失败，请稍后重试', undefined, { cause: (err as { providerCode?: string }).providerCode ?? 'unknown' });
  }
  return { cooldownSeconds: SMS_COOLDOWN_SECONDS };
}

/**
 * Consumes the newest valid code for the number and purpose. Single use even under concurrent
 * requests: the UPDATE only succeeds while used_at is still empty.
 */
export async function consumeSmsCode(ctx: AppContext, opts: { mobile: string; purpose: SmsPurpose; code: string }): Promise<void> {
  const mobileIndex = ctx.personalData.blindIndex(opts.mobile);
  const now = ctx.now();
  const [row] = await ctx.db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.mobileIndex, mobileIndex), eq(smsCodes.purpose, opts.purpose), isNull(smsCodes.usedAt), gt(smsCodes.expiresAt, now)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  const invalid = new AppError('VALIDATION', '验证码错误或已过期，请重新获取', { code: '验证码错误或已过期' });
  if (!row || row.attempts >= SMS_MAX_ATTEMPTS) throw invalid;
  if (row.codeHash !== hashCode(mobileIndex, opts.code)) {
    await ctx.db.update(smsCodes).set({ attempts: sql`${smsCodes.attempts} + 1` }).where(eq(smsCodes.id, row.id));
    throw invalid;
  }
  const used = await ctx.db
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.id, row.id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  if (used.length === 0) throw invalid;
}
