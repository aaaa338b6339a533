import { eq, inArray } from 'drizzle-orm';
import { maskEmail, maskMobile } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { notifications, organisations, rounds, users } from '../../db/schema/index.js';

export interface NotificationWithRecipient {
  id: string;
  kind: string;
  title: string;
  body: string;
  channels: ('sms' | 'email')[];
  status: string;
  createdAt: Date;
  roundName: string | null;
  recipientName: string;
  mobile: string | null;
  email: string | null;
}

/** Notifications by id with where they would go: the account's mobile, the organisation contact's e-mail. */
export async function withRecipients(ctx: Pick<AppContext, 'db' | 'personalData'>, ids: string[]): Promise<NotificationWithRecipient[]> {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select({ n: notifications, mobileEnc: users.mobileEnc, displayName: users.displayName, orgName: organisations.name, contact: organisations.contact, roundName: rounds.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(organisations, eq(organisations.userId, notifications.userId))
    .leftJoin(rounds, eq(rounds.id, notifications.roundId))
    .where(inArray(notifications.id, ids));
  const reveal = (v: string | null | undefined) => (v ? ctx.personalData.reveal(v) : null);
  return rows.map((r) => ({
    id: r.n.id,
    kind: r.n.kind,
    title: r.n.title,
    body: r.n.body,
    channels: r.n.channels,
    status: r.n.status,
    createdAt: r.n.createdAt,
    roundName: r.roundName,
    recipientName: r.orgName ?? r.displayName ?? '（申报单位）',
    mobile: reveal(r.mobileEnc),
    email: reveal(r.contact?.emailEnc) || null,
  }));
}

/** The same, masked for the organiser's eyes. */
export function masked(n: NotificationWithRecipient) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    recipientName: n.recipientName,
    mobileMasked: n.mobile ? maskMobile(n.mobile) : null,
    emailMasked: n.email ? maskEmail(n.email) : null,
    channels: n.channels,
    status: n.status,
    createdAt: n.createdAt.toISOString(),
  };
}
