import type { FileView } from '@fw/shared';
import type { FileRow } from '../../commands/uploads/readFiles.js';

/** A stored file as clients see it; the storage key never leaves the server. */
export function presentFile(row: FileRow): FileView {
  return {
    id: row.id,
    slot: row.slot,
    name: row.originalName,
    size: row.size,
    kind: row.kind,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}
