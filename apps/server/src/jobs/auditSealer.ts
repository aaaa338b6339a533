import type { Db } from '../db/client.js';
import { sealAuditBatch, type SealOptions, type SealState } from './sealAudit.js';

export interface AuditSealer {
  /** Waits for a round in progress, then stops. */
  stop(): Promise<void>;
}

interface Log {
  error(obj: unknown, msg?: string): void;
}

/** Seals the audit log every few seconds in the background, batch after batch until it is caught up. */
export function startAuditSealer(db: Db, opts: SealOptions & { intervalMs?: number; log?: Log } = {}): AuditSealer {
  const intervalMs = opts.intervalMs ?? 3000;
  const batchSize = opts.batchSize ?? 500;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const state: SealState = {};

  const round = async () => {
    try {
      for (;;) {
        const r = await sealAuditBatch(db, { ...opts, batchSize, state });
        if (stopped || r.deferred || r.sealed < batchSize) break;
      }
    } catch (err) {
      // The database may be restarting; the next round tries again.
      opts.log?.error({ err }, 'audit sealing failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().then(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
