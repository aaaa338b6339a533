import { and, eq, ne } from 'drizzle-orm';
import { COUNTRY } from '@fw/shared';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { findRegion } from '../../db/queries/regions.js';
import { AppError } from '../../errors.js';

/** Where the expert works must be a real division (the same-region rule compares its code). */
export async function assertWorkRegion(db: DbOrTx, regionCode: string): Promise<void> {
  if (regionCode === COUNTRY || !(await findRegion(db, regionCode))) {
    throw new AppError('VALIDATION', '行政区划代码不存在', { regionCode: '行政区划代码不存在' });
  }
}

/** One account per mobile number, experts included (the blind index is unique). */
export async function assertMobileFree(ctx: Pick<AppContext, 'db' | 'personalData'>, mobile: string, exceptUserId?: string): Promise<void> {
  const index = ctx.personalData.blindIndex(mobile);
  const where = exceptUserId ? and(eq(users.mobileIndex, index), ne(users.id, exceptUserId)) : eq(users.mobileIndex, index);
  const [other] = await ctx.db.select({ id: users.id }).from(users).where(where).limit(1);
  if (other) throw new AppError('CONFLICT', '该手机号已被其他账号使用', { mobile: '该手机号已被其他账号使用' });
}
