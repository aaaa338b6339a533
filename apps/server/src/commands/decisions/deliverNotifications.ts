import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { notifications } from '../../db/schema/index.js';
import { emailSenderFor } from '../../services/email/createEmailSender.js';
import { noticeParams } from './decisionNotice.js';
import { withRecipients } from './recipients.js';

/**
 * Sends released notifications on their channels (after the release committed): SMS to the account's
 * mobile, e-mail to the organisation contact. Each ends 'sent', or 'failed' if a channel refused; the
 * in-app copy is there either way. Errors are logged without the recipient.
 */
export async function deliverNotifications(ctx: AppContext, ids: string[], log?: { warn(obj: object, msg: string): void }) {
  const sent: string[] = [];
  const failed: string[] = [];
  for (const n of await withRecipients(ctx, ids)) {
    let ok = true;
    if (n.channels.includes('sms') && n.mobile) {
      try {
        await ctx.sms.sendNotice(n.mobile, { kind: n.kind, text: n.body, params: noticeParams(n.kind, n.roundName ?? '') });
      } catch (err) {
        ok = false;
        log?.warn({ notification: n.id, err: (err as Error).message }, 'notification SMS failed');
      }
    }
    if (n.channels.includes('email') && n.email) {
      try {
        await emailSenderFor(ctx.env).send({ to: n.email, subject: n.title, text: n.body });
      } catch (err) {
        ok = false;
        log?.warn({ notification: n.id, err: (err as Error).message }, 'notification e-mail failed');
      }
    }
    (ok ? sent : failed).push(n.id);
  }
  if (sent.length) await ctx.db.update(notifications).set({ status: 'sent' }).where(inArray(notifications.id, sent));
  if (failed.length) await ctx.db.update(notifications).set({ status: 'failed' }).where(inArray(notifications.id, failed));
  return { sent: sent.length, failed: failed.length };
}

