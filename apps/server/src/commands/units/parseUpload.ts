import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { importFormatOf, parseDemonstrationImport, type DemonstrationImportReport } from '../../services/demonstrationImport/index.js';
import { organiserName } from '../notice/regionNames.js';
import type { UnitTerritory } from './territory.js';

/** The preview token: the file's SHA-256, so the commit writes exactly the file that was previewed. */
export function importToken(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads an uploaded XLSX or CSV into valid and rejected rows; titles carry the organiser's name. */
export async function parseUpload(ctx: AppContext, territory: UnitTerritory, filename: string, bytes: Buffer): Promise<DemonstrationImportReport> {
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件为空');
  const format = importFormatOf(filename, bytes);
  if (!format) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 或 .csv 文件');
  return parseDemonstrationImport(bytes, { format, now: ctx.now(), organiserName: await organiserName(ctx.db, territory.regionCode) });
}
