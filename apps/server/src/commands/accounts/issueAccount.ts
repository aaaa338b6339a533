import { eq } from 'drizzle-orm';
import { levelOf } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword } from '../../services/passwords.js';
import { generatePassword } from './generatePassword.js';
import { mayIssueFor } from './issuingRules.js';
import { loadIssuableRegion } from './loadRegion.js';

export interface IssueAccountInput {
  /** GB/T 2260 code of the region the account manages; a direct child of the issuer's region. */
  regionCode: string;
  /** Login name, already checked against USERNAME_PATTERN by the caller's schema. */
  username: string;
  /** The authority's name, e.g. 广东省工业和信息化厅. */
  displayName: string;
  /** Optional contact person known at issuing time; the holder confirms it at first login. */
  contactName?: string;
  /** Optional; a random one is generated otherwise. */
  initialPassword?: string;
  /** Where the request came from, for the audit row: the admin UI or the CSV command. */
  via?: 'ui' | 'csv';
}

const taken = () => new AppError('CONFLICT', '该账号名已被使用', { username: '该账号名已被使用' });

/** Refuses a login name already in use (the unique index still decides a race). Shared by every issued role. */
export async function assertUsernameFree(db: AppContext['db'], username: string): Promise<void> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (existing) throw taken();
}

/** The one-time password of an issued account (given or generated) and its argon2 hash. */
export async function issuedCredentials(initialPassword?: string): Promise<{ initialPassword: string; passwordHash: string }> {
  const password = initialPassword ?? generatePassword();
  return { initialPassword: password, passwordHash: await hashPassword(password) };
}

/**
 * Issues an authority account for a region directly below the issuer's. The one-time password is
 * returned once and stored only as an argon2 hash; the holder must change it at first login.
 */
export async function issueAccount(ctx: AppContext, actor: Actor, input: IssueAccountInput) {
  const region = await loadIssuableRegion(ctx.db, input.regionCode);
  if (!region) throw new AppError('VALIDATION', '行政区划代码不存在', { regionCode: '行政区划代码不存在' });
  if (!mayIssueFor(actor, region)) {
    throw new AppError('FORBIDDEN', '只能为本地区的下一级行政区开设账号', { regionCode: '只能为本地区的下一级行政区开设账号' });
  }
  await assertUsernameFree(ctx.db, input.username);

  const { initialPassword, passwordHash } = await issuedCredentials(input.initialPassword);
  const now = ctx.now();
  try {
    const account = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          role: 'authority',
          username: input.username,
          displayName: input.displayName,
          regionCode: region.code,
          level: levelOf(region.code),
          mustChangePassword: true,
          // The mobile is bound at first login; until then only the name is known.
          contact: input.contactName ? { name: input.contactName, mobileEnc: '' } : null,
          issuedBy: actor.id,
          passwordHash,
          createdAt: now,
          passwordChangedAt: now,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'account.issue',
        subjectType: 'user',
        subjectId: row!.id,
        regionCode: region.code,
        detail: { username: input.username, displayName: input.displayName, level: row!.level, via: input.via ?? 'ui' },
        ip: actor.ip,
      });
      return row!;
    });
    return { account, region, initialPassword };
  } catch (err) {
    // Two issuers choosing the same name at the same moment: the unique index decides.
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}
