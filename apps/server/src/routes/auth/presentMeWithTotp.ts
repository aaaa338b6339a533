import type { Me } from '@fw/shared';
import type { AppContext } from '../../context.js';
import type { users } from '../../db/schema/index.js';
import { presentMe } from '../../presenters/user.js';
import { totpRequiredFor } from '../../services/totp.js';

/** /me plus the second-factor state, so the web app can send an unenrolled authority to /security. */
export async function presentMeWithTotp(ctx: AppContext, u: typeof users.$inferSelect): Promise<Me> {
  return { ...(await presentMe(ctx, u)), totpEnabled: !!u.totpEnabledAt, totpRequired: totpRequiredFor(u.role) };
}
