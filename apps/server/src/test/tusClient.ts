import type { AddressInfo } from 'node:net';
import { Upload, type DetailedError, type UploadOptions } from 'tus-js-client';
import type { FileView } from '@fw/shared';
import type { App } from '../app.js';
import { CSRF_COOKIE, CSRF_HEADER, newCsrfToken } from '../plugins/csrf.js';

export type TusOutcome =
  | { ok: true; url: string; file: FileView }
  | { ok: false; status: number | null; body: { code?: string; message?: string } | null; error: Error };

/** Listens on a random local port (tus-js-client needs real HTTP) and returns the base URL. */
export async function listenLocal(app: App): Promise<string> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * Starts a real tus-js-client upload of `bytes` as the logged-in applicant. `done` settles with the
 * stored file (decoded from the Upload-Result header) or the error response.
 */
export function startTusUpload(base: string, cookie: string, bytes: Buffer, metadata: Record<string, string>, options: UploadOptions = {}) {
  let upload!: Upload;
  // Like the web app: the browser's CSRF cookie repeated in the header on every tus request.
  const csrf = newCsrfToken();
  const done = new Promise<TusOutcome>((resolve) => {
    upload = new Upload(bytes, {
      endpoint: `${base}/api/uploads`,
      metadata,
      headers: { cookie: `${cookie}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
      retryDelays: [],
      ...options,
      onSuccess: ({ lastResponse }) => {
        const header = lastResponse.getHeader('Upload-Result');
        resolve({ ok: true, url: upload.url!, file: JSON.parse(decodeURIComponent(header ?? 'null')) as FileView });
      },
      onError: (error) => {
        const res = (error as DetailedError).originalResponse ?? null;
        let body: { code?: string; message?: string } | null = null;
        try {
          body = res ? JSON.parse(res.getBody()) : null;
        } catch {
          body = null;
        }
        resolve({ ok: false, status: res ? res.getStatus() : null, body, error });
      },
    });
    upload.start();
  });
  return { upload, done };
}

/** Uploads and waits for the outcome. */
export function tusUpload(base: string, cookie: string, bytes: Buffer, metadata: Record<string, string>, options: UploadOptions = {}) {
  return startTusUpload(base, cookie, bytes, metadata, options).done;
}
