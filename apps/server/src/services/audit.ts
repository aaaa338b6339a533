import type { DbOrTx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  regionCode?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes one audit row; call it inside the transaction of the state change it records. */
export async function recordAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    regionCode: e.regionCode ?? null,
    detail: e.detail ?? null,
    ip: e.ip ?? null,
  });
}
