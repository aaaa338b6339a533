import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import type { S3Settings } from '../services/files/S3FileStore.js';

/**
 * A real S3-compatible server on a free local port, its objects in a temporary folder: s3rver (the
 * npm S3 server), plus the two multipart calls it lacks and @tus/s3-store makes on every resume —
 * ListParts and AbortMultipartUpload — answered from s3rver's own part files.
 */
export interface S3TestServer {
  endpoint: string;
  /** The multipart calls received, in order (CreateMultipartUpload, UploadPart, ListParts …), to show how an upload travelled. */
  operations: string[];
  /** Settings for an S3FileStore on one of the server's buckets. */
  settings(bucket: string): S3Settings;
  close(): Promise<void>;
}

export async function startS3Server(buckets: string[]): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-s3-'));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const operations: string[] = [];
  const server = http.createServer((req, res) => {
    const op = multipartOperation(req);
    if (op) operations.push(op);
    if (!answerMultipartGap(directory, req, res)) void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    operations,
    // s3rver accepts these credentials (its default) and checks the signatures made with them.
    settings: (bucket) => ({ endpoint, region: 'us-east-1', bucket, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, partSize: 5 * 1024 * 1024 }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

function multipartOperation(req: http.IncomingMessage): string | null {
  const q = new URL(req.url ?? '/', 'http://local').searchParams;
  if (req.method === 'POST' && q.has('uploads')) return 'CreateMultipartUpload';
  if (!q.has('uploadId')) return null;
  if (req.method === 'PUT') return 'UploadPart';
  if (req.method === 'GET') return 'ListParts';
  if (req.method === 'POST') return 'CompleteMultipartUpload';
  return 'AbortMultipartUpload';
}

/** Where s3rver keeps the parts of an open multipart upload (its FilesystemStore layout). */
const partsDir = (root: string, bucket: string, uploadId: string) => path.join(root, bucket, '._S3rver_uploads', uploadId);

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function answerMultipartGap(root: string, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://local');
  const uploadId = url.searchParams.get('uploadId');
  const [, bucket = '', ...keyParts] = url.pathname.split('/');
  const key = decodeURIComponent(keyParts.join('/'));
  if (!uploadId || !key || url.searchParams.has('partNumber') || (req.method !== 'GET' && req.method !== 'DELETE')) return false;
  req.resume();
  const dir = partsDir(root, bucket, uploadId);
  if (!/^[0-9a-f]+$/.test(uploadId) || !fs.existsSync(dir)) {
    res.writeHead(404, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${xmlEscape(uploadId)}</UploadId></Error>`);
    return true;
  }
  if (req.method === 'DELETE') {
    fs.rmSync(dir, { recursive: true, force: true });
    res.writeHead(204).end();
    return true;
  }
  const marker = Number(url.searchParams.get('part-number-marker') ?? 0);
  const parts = fs
    .readdirSync(dir)
    .filter((f) => /^\d+$/.test(f) && Number(f) > marker)
    .map(Number)
    .sort((a, b) => a - b)
    .map((n) => {
      const stat = fs.statSync(path.join(dir, String(n)));
      const md5 = fs.readFileSync(path.join(dir, `${n}.md5`), 'utf8').trim();
      return `<Part><PartNumber>${n}</PartNumber><LastModified>${stat.mtime.toISOString()}</LastModified><ETag>"${md5}"</ETag><Size>${stat.size}</Size></Part>`;
    });
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key>` +
      `<UploadId>${uploadId}</UploadId><PartNumberMarker>${marker}</PartNumberMarker><MaxParts>10000</MaxParts><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
  );
  return true;
}
