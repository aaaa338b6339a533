import type { UnitImportPreview, UnitImportResult } from '@fw/shared';
import { ApiError, CSRF_HEADER, csrfToken } from '../../../api/client';

const X = '/api/organiser/units/import';

/**
 * Sends the import file as the raw request body: first to preview, then — the same file with the
 * preview's token — to commit. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadImport(step: 'preview', file: File, onProgress: (percent: number) => void): Promise<UnitImportPreview>;
export function uploadImport(step: 'commit', file: File, onProgress: (percent: number) => void, token: string): Promise<UnitImportResult>;
export async function uploadImport(step: 'preview' | 'commit', file: File, onProgress: (percent: number) => void, token?: string): Promise<UnitImportPreview | UnitImportResult> {
  const csrf = await csrfToken();
  const params = new URLSearchParams({ filename: file.name, ...(token ? { token } : {}) });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${X}/${step}?${params.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { code?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML page: fall back to a message by status.
      }
      if (xhr.status === 200) return resolve(body as UnitImportPreview | UnitImportResult);
      const fallback = xhr.status === 413 ? '文件过大，导入文件不超过10MB' : '上传失败，请重试';
      reject(new ApiError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message && body.message !== '内容过大' ? body.message : fallback));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试'));
    xhr.send(file);
  });
}
