import type { NotificationList } from '@fw/shared';
import { api } from '../../api/client';

/** The user's own notifications (/api/notifications). */
export const notificationsApi = {
  list: (signal?: AbortSignal, limit = 50) => api.get<NotificationList>(`/api/notifications?limit=${limit}`, { signal, quiet: true }),
  markRead: (ids?: string[]) => api.post<{ marked: number }>('/api/notifications/read', ids ? { ids } : {}),
};
