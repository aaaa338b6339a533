import { z } from 'zod';

/** A user's own notifications (站内消息), released by the organiser. */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  releasedAt: z.string().nullable(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationList = z.object({ items: z.array(notificationView), unread: z.number() });
export type NotificationList = z.infer<typeof notificationList>;
