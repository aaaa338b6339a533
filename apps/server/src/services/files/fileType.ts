import { fileTypeFromFile } from 'file-type';
import type { FileKind } from '@fw/shared';

/**
 * Which extensions each detected content type may carry. Word 97-2003 (.doc) and WPS (.wps)
 * documents are both OLE compound files, which file-type reports as 'cfb'.
 */
const KINDS_BY_CONTENT: Record<string, readonly FileKind[]> = {
  docx: ['docx'],
  cfb: ['doc', 'wps'],
  pdf: ['pdf'],
  jpg: ['jpg'],
};

const KIND_BY_EXTENSION: Record<string, FileKind> = { doc: 'doc', docx: 'docx', wps: 'wps', pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg' };

/** The kind a file name claims by its extension (case-insensitive), or null for anything else. */
export function kindOfName(filename: string): FileKind | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename);
  return (m && KIND_BY_EXTENSION[m[1]!.toLowerCase()]) ?? null;
}

/** The type read from the file's bytes (file-type's extension, e.g. 'docx', 'cfb', 'png'), or null. */
export async function detectContentType(filePath: string): Promise<string | null> {
  const found = await fileTypeFromFile(filePath);
  return found?.ext ?? null;
}

/** True when content of the detected type may be stored under the claimed kind. */
export function contentMatchesKind(detected: string | null, kind: FileKind): boolean {
  return detected !== null && (KINDS_BY_CONTENT[detected]?.includes(kind) ?? false);
}

const CONTENT_TYPES: Record<FileKind, string> = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  // WPS has no registered media type; as an attachment a generic one is safest.
  wps: 'application/octet-stream',
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
};

/** The Content-Type to send a stored file of this kind with. */
export function contentTypeOf(kind: string): string {
  return CONTENT_TYPES[kind as FileKind] ?? 'application/octet-stream';
}
