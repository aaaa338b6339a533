import fs from 'node:fs';
import { MB, type FileKind } from '@fw/shared';
import { AppError } from '../../errors.js';
import { ARCHIVE_LIMITS, inspectArchive, type ArchiveProblemCode } from '../../services/files/archiveCheck.js';
import { isSaneOleHeader } from '../../services/files/oleHeader.js';
import { scanPdf } from '../../services/files/pdfScan.js';
import { openFileAccess } from '../../services/files/randomAccess.js';

const ARCHIVE_MESSAGES: Record<ArchiveProblemCode, [code: 'UNSUPPORTED_FILE' | 'PAYLOAD_TOO_LARGE', message: string]> = {
  TOO_MANY_ENTRIES: ['PAYLOAD_TOO_LARGE', `文件内部条目过多（超过${ARCHIVE_LIMITS.maxEntries}个），疑似压缩炸弹，请检查后重新上传`],
  TOO_LARGE: ['PAYLOAD_TOO_LARGE', `文件解压后超过${ARCHIVE_LIMITS.maxTotalBytes / MB}MB，疑似压缩炸弹，请精简后重新上传`],
  RATIO: ['UNSUPPORTED_FILE', `文件压缩比异常（超过${ARCHIVE_LIMITS.maxRatio}倍），疑似压缩炸弹，已拒绝`],
  NESTED: ['UNSUPPORTED_FILE', '文件内嵌了多层压缩包，已拒绝，请删除内嵌的压缩文件后重新上传'],
  PATH: ['UNSUPPORTED_FILE', '文件内含非法路径（绝对路径或“..”），已拒绝'],
  CORRUPT: ['UNSUPPORTED_FILE', '文件已损坏或结构异常，请用 Word 或 WPS 另存后重新上传'],
};
export const BAD_OLE = '文件已损坏或不是有效的 Word/WPS 文档，请另存后重新上传';

/**
 * The checks beyond the content type, by kind: a docx (a zip) must not be a bomb or hide nested
 * archives, a doc/wps must have a sound OLE header, a PDF is scanned for active content. Refusals
 * throw 413/415; the PDF's findings are returned as flags for the reviewers.
 */
export async function inspectContent(filePath: string, kind: FileKind): Promise<{ flags: string[] }> {
  if (kind === 'pdf') return { flags: await scanPdf(fs.createReadStream(filePath)) };
  if (kind !== 'docx' && kind !== 'doc' && kind !== 'wps') return { flags: [] };
  const src = await openFileAccess(filePath);
  try {
    if (kind === 'docx') {
      const problem = await inspectArchive(src);
      if (problem) {
        const [code, message] = ARCHIVE_MESSAGES[problem.code];
        throw new AppError(code, message, undefined, { reason: problem.code });
      }
    } else if (!(await isSaneOleHeader(src))) {
      throw new AppError('UNSUPPORTED_FILE', BAD_OLE, undefined, { reason: 'BAD_OLE_HEADER' });
    }
    return { flags: [] };
  } finally {
    await src.close();
  }
}
