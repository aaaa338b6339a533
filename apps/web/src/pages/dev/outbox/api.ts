import { api } from '../../../api/client';

export interface OutboxMessage {
  id: string;
  mobileMasked: string;
  text: string;
  createdAt: string;
}

/** Quiet: polled every few seconds, so failures show inline instead of as repeated toasts. */
export const fetchOutbox = (signal?: AbortSignal) => api.get<OutboxMessage[]>('/api/dev/outbox', { quiet: true, signal });

export interface DemoTotp {
  username: string;
  displayName: string;
  code: string;
  secondsLeft: number;
}

/** The demo authorities' current codes (exists only while DEV_OUTBOX is on). */
export const fetchDemoTotp = (signal?: AbortSignal) => api.get<DemoTotp[]>('/api/dev/totp', { quiet: true, signal });
