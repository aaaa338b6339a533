import type { InspectionFileView } from '@fw/shared';
import { ApiError, CSRF_HEADER, csrfToken } from '../../../api/client';

/**
 * Sends one attachment as the raw request body. XMLHttpRequest rather than fetch: only it reports
 * upload progress. Resolves with the stored file or rejects with the server's Chinese message.
 */
export async function uploadAttachment(url: string, file: File, onProgress: (percent: number) => void): Promise<InspectionFileView> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}?filename=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { code?: string; message?: string } & Partial<InspectionFileView> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML page: fall back to a message by status.
      }
      if (xhr.status === 201) return resolve(body as InspectionFileView);
      const fallback = xhr.status === 413 ? '文件过大，考察附件单个不超过20MB' : '上传失败，请重试';
      reject(new ApiError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message && body.message !== '内容过大' ? body.message : fallback));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试'));
    xhr.send(file);
  });
}
