import { DetailedError, Upload, defaultOptions, type PreviousUpload } from 'tus-js-client';
import type { FileView, SlotKey } from '@fw/shared';
import { CSRF_HEADER, csrfToken } from '../../../../api/client';

export const UPLOAD_ENDPOINT = '/api/uploads';
const CHUNK = 5 * 1024 * 1024;

export interface UploadHandlers {
  onProgress: (sent: number, total: number) => void;
  onDone: (file: FileView) => void;
  /** `fatal`: retrying the same file will not help (wrong type, too large, not allowed). */
  onError: (message: string, fatal: boolean) => void;
}

export interface UploadControl {
  pause: () => void;
  resume: () => void;
  cancel: () => void;
}

const startedKey = (applicationId: string) => `fw:upload-started:${applicationId}`;

/** When the last upload of this application began (sent with the submit for the grace period). */
export function lastUploadStartedAt(applicationId: string): string | undefined {
  try {
    return localStorage.getItem(startedKey(applicationId)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The header carries the stored file as URI-encoded JSON (header values must be ASCII). */
export function parseUploadResult(header: string): FileView | null {
  for (const text of [header, safeDecode(header)]) {
    try {
      const v = JSON.parse(text) as Partial<FileView>;
      if (v && typeof v.id === 'string' && typeof v.name === 'string') return v as FileView;
    } catch {
      // try the other form
    }
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function errorMessage(err: Error): { message: string; fatal: boolean } {
  const res = err instanceof DetailedError ? err.originalResponse : null;
  const status = res?.getStatus() ?? 0;
  let message = '';
  try {
    const body = JSON.parse(res?.getBody() ?? '') as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // not JSON: fall back to the status text below
  }
  if (status === 401) return { message: '登录已过期，请重新登录后继续上传', fatal: false };
  if (status === 415) return { message: message || '文件的实际格式不符合要求', fatal: true };
  if (status === 413) return { message: message || '文件过大', fatal: true };
  if (status >= 400 && status < 500) return { message: message || '上传被拒绝', fatal: true };
  return { message: message || '网络中断，上传已暂停，可点击“继续”', fatal: false };
}

/**
 * Starts (or resumes, when this browser began the same file before) a tus upload into a slot.
 * The server answers the last PATCH with the stored file in the Upload-Result header.
 */
export function startUpload(applicationId: string, slot: SlotKey, file: File, h: UploadHandlers): UploadControl {
  let result: FileView | null = null;
  const upload = new Upload(file, {
    endpoint: UPLOAD_ENDPOINT,
    chunkSize: CHUNK,
    retryDelays: [0, 1000, 3000, 5000],
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    metadata: { applicationId, slot, filename: file.name, filetype: file.type || 'application/octet-stream' },
    onProgress: h.onProgress,
    // tus creation, chunks and cancelling change state: they carry the CSRF token like every write.
    onBeforeRequest: async (req) => {
      if (req.getMethod() !== 'HEAD' && req.getMethod() !== 'GET') req.setHeader(CSRF_HEADER, await csrfToken());
    },
    onAfterResponse: (_req, res) => {
      const header = res.getHeader('Upload-Result');
      if (header) {
        result = parseUploadResult(header);
      }
    },
    onSuccess: () => {
      if (result) return h.onDone(result);
      // All bytes arrived but the answer to the last PATCH was lost (e.g. the instance died while
      // storing): a HEAD then shows the full offset and tus-js-client sends nothing more. An empty
      // PATCH at that offset asks the server to finish the upload and answer with the stored file.
      void finishLostUpload(upload.url, file.size).then(
        (stored) => (stored ? h.onDone(stored) : h.onError('上传已完成，但未收到服务器确认，请刷新页面查看', false)),
        () => h.onError('上传已完成，但未收到服务器确认，请刷新页面查看', false),
      );
    },
    onError: (err) => {
      const { message, fatal } = errorMessage(err);
      // A refused file is forgotten so a later choice of the same name starts afresh.
      if (fatal) {
        const url = upload.url;
        void upload
          .abort(true)
          .catch(() => undefined)
          .finally(() => forgetByUrl(url));
      }
      h.onError(message, fatal);
    },
  });
  const go = () => {
    void upload
      .findPreviousUploads()
      .then((previous) => {
        const same = previous.find((p) => p.metadata.applicationId === applicationId && p.metadata.slot === slot);
        if (same) upload.resumeFromPreviousUpload(same);
        upload.start();
      })
      .catch(() => upload.start());
  };
  try {
    localStorage.setItem(startedKey(applicationId), new Date().toISOString());
  } catch {
    // storage full or disabled: the grace period just does not apply
  }
  go();
  return {
    pause: () => void upload.abort(false),
    resume: go,
    cancel: () => void upload.abort(true).catch(() => undefined),
  };
}

/** Sends an empty PATCH at the end of a finished upload; the answer carries the stored file. */
export async function finishLostUpload(url: string | null, size: number): Promise<FileView | null> {
  if (!url) return null;
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'same-origin',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': String(size),
      'Content-Type': 'application/offset+octet-stream',
      [CSRF_HEADER]: await csrfToken(),
    },
    body: new Uint8Array(0),
  });
  const header = res.headers.get('Upload-Result');
  return res.ok && header ? parseUploadResult(header) : null;
}

export interface InterruptedUpload {
  key: string;
  name: string;
  size: number | null;
  createdAt: string;
  uploadUrl: string | null;
}

/** Uploads of this application and slot begun in this browser and never finished (found after a reload). */
export async function findInterrupted(applicationId: string, slot: SlotKey): Promise<InterruptedUpload[]> {
  let all: PreviousUpload[] = [];
  try {
    all = await defaultOptions.urlStorage.findAllUploads();
  } catch {
    return [];
  }
  return all
    .filter((p) => p.metadata.applicationId === applicationId && p.metadata.slot === slot)
    .map((p) => ({ key: p.urlStorageKey, name: p.metadata.filename ?? '未命名文件', size: p.size, createdAt: p.creationTime, uploadUrl: p.uploadUrl }));
}

export async function forgetInterrupted(key: string): Promise<void> {
  try {
    await defaultOptions.urlStorage.removeUpload(key);
  } catch {
    // nothing stored any more
  }
}

/** Drops the resume record of an upload the server refused (terminate may fail on a removed upload). */
async function forgetByUrl(url: string | null): Promise<void> {
  if (!url) return;
  try {
    const all = await defaultOptions.urlStorage.findAllUploads();
    await Promise.all(all.filter((p) => p.uploadUrl === url).map((p) => defaultOptions.urlStorage.removeUpload(p.urlStorageKey)));
  } catch {
    // nothing stored
  }
}

/**
 * How far an interrupted upload got (tus HEAD → Upload-Offset); 'gone' when the server no longer
 * has it (finished elsewhere, refused or expired), null when it cannot be asked now.
 */
export async function uploadedBytes(uploadUrl: string): Promise<number | 'gone' | null> {
  try {
    const res = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' }, credentials: 'same-origin' });
    if (res.status === 404 || res.status === 410) return 'gone';
    if (!res.ok) return null;
    const off = Number(res.headers.get('Upload-Offset'));
    return Number.isFinite(off) ? off : null;
  } catch {
    return null;
  }
}
