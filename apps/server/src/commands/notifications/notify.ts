import type { DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';

export type NotificationChannel = 'sms' | 'email';

export interface NotifyOptions {
  /** The user who reads it in the app (an applicant's account, usually). */
  userId: string;
  roundId: string | null;
  /** e.g. decision_selected, decision_not_selected, notice_published, objection_answered */
  kind: string;
  title: string;
  body: string;
  /** Sent on these channels too once released; in-app always. */
  channels?: NotificationChannel[];
  /**
   * Released at once (the outcome is already public, e.g. publication) instead of 'pending' for the
   * organiser to inspect before a joint release.
   */
  release?: boolean;
  /** Release time when `release` is set (the server clock, so tests can move it). */
  now?: Date;
}

/** Queues one notification inside the caller's transaction, so it exists exactly when the outcome does. */
export async function notify(tx: DbOrTx, o: NotifyOptions): Promise<{ id: string }> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: o.userId,
      roundId: o.roundId,
      kind: o.kind,
      title: o.title,
      body: o.body,
      channels: o.channels ?? [],
      status: o.release ? 'released' : 'pending',
      releasedAt: o.release ? (o.now ?? new Date()) : null,
    })
    .returning({ id: notifications.id });
  return row!;
}
