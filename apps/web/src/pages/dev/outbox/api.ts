import { api } from '../../../api/client';

export interface OutboxMessage {
  id: string;
  mobileMasked: string;
  text: string;
  createdAt: string;
}

/** Quiet: polled every few seconds, so failures show inline instead of as repeated toasts. */
export const fetchOutbox = (signal?: AbortSignal) => api.get<OutboxMessage[]>('/api/dev/outbox', { quiet: true, signal });
