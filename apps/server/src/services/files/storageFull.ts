/** What the applicant reads when the server's disk (or quota) is full; the upload has not been kept. */
export const STORAGE_FULL_MESSAGE = '服务器存储空间不足，上传未完成，请稍后重试或联系管理员';

/** A write refused for lack of space: the disk is full (ENOSPC) or a quota is used up (EDQUOT). */
export function isStorageFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
