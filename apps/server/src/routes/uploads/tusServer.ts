import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { EVENTS, Server, type Upload } from '@tus/server';
import { UPLOAD_SLOTS } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../../db/unavailable.js';
import type { AcceptedUpload } from '../../commands/uploads/checkUploadStart.js';
import { finishUpload } from '../../commands/uploads/finishUpload.js';
import { presentFile } from '../../presenters/application.js';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../../services/files/storageFull.js';

/** What the Fastify route learnt about a tus request before handing it over (session, checked metadata). */
export interface TusCall {
  actor: Actor;
  /** Set on creation: the metadata checked by checkUploadStart. */
  accepted?: AcceptedUpload;
  startedAt?: Date;
}

/** The metadata every upload keeps; ownerId and startedAt are set by the server, never by the client. */
export interface OwnedUploadMetadata {
  applicationId: string;
  slot: string;
  filename: string;
  filetype: string;
  ownerId: string;
  startedAt: string;
}

/** The header that carries the stored file (a FileView as URL-encoded JSON) on the final response. */
export const UPLOAD_RESULT_HEADER = 'Upload-Result';

const jsonError = (status: number, code: string, message: string) => ({ status_code: status, body: JSON.stringify({ code, message }) });

/** Chinese messages for the protocol errors tus answers itself, so every error body is {code, message}. */
function protocolError(status: number): { status_code: number; body: string } {
  switch (status) {
    case 400: return jsonError(400, 'VALIDATION', '上传请求格式不正确');
    case 403: return jsonError(403, 'FORBIDDEN', '无权进行此操作');
    case 404:
    case 410: return jsonError(404, 'NOT_FOUND', '上传不存在或已失效，请重新上传');
    case 409: return jsonError(409, 'CONFLICT', '上传进度不一致，请重试');
    case 413: return jsonError(413, 'PAYLOAD_TOO_LARGE', '文件大小超过限制');
    case 415: return jsonError(415, 'UNSUPPORTED_FILE', '上传请求格式不正确');
    default: return status < 500 ? jsonError(status, 'BAD_REQUEST', '上传请求未完成') : jsonError(500, 'INTERNAL', '服务器内部错误，请稍后再试');
  }
}

/**
 * The tus 1.0 server over the FileStore's tus datastore (a folder or a bucket: the store decides).
 * Authorisation happens in the Fastify routes before a request is handed over; they pass what they
 * learnt through `attach`, keyed by the raw request.
 */
export function createUploadServer(ctx: AppContext, opts: { path: string; log: FastifyBaseLogger }) {
  // srvx types the node request as HTTP/1 or HTTP/2; as a WeakMap key the object identity is all that matters.
  const calls = new WeakMap<object, TusCall>();
  const callOf = (req: { runtime?: { node?: { req: object } } }) => {
    const raw = req.runtime?.node?.req;
    return raw ? calls.get(raw) : undefined;
  };
  const datastore = ctx.files.createTusDatastore();

  const toTusError = (err: unknown) => {
    if (err instanceof AppError) return { status_code: err.status, body: JSON.stringify({ code: err.code, message: err.message, ...err.extra }) };
    if (isDatabaseUnavailable(err)) return jsonError(503, 'UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
    if (isStorageFull(err)) {
      opts.log.error({ err }, 'storage full: upload not kept');
      return jsonError(507, 'STORAGE_FULL', STORAGE_FULL_MESSAGE);
    }
    opts.log.error({ err }, 'upload processing failed');
    return jsonError(500, 'INTERNAL', '服务器内部错误，请稍后再试');
  };

  const discardPatchedUpload = async (req: Request) => {
    const id = new URL(req.url).pathname.split('/').pop() ?? '';
    if (req.method === 'PATCH' && /^[0-9a-f]{32}$/.test(id)) await ctx.files.discardUpload(id).catch(() => undefined);
  };

  const server = new Server({
    path: opts.path,
    datastore,
    // A relative Location works behind any proxy; tus-js-client resolves it against the endpoint.
    relativeLocation: true,
    // The largest slot; each upload is further held to the Upload-Length it declared (≤ its slot's limit).
    maxSize: Math.max(...UPLOAD_SLOTS.map((s) => s.maxBytes)),
    exposedHeaders: [UPLOAD_RESULT_HEADER],
    // The web app is served from the same origin; no cross-origin client may use the applicant's cookie.
    allowedOrigins: [],
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(req, upload) {
      const call = callOf(req);
      if (!call?.accepted || !call.startedAt) throw toTusError(new Error('tus creation without checked metadata'));
      const metadata: OwnedUploadMetadata = {
        applicationId: call.accepted.applicationId,
        slot: call.accepted.slot.key,
        filename: call.accepted.filename,
        filetype: upload.metadata?.filetype ?? '',
        ownerId: call.actor.id,
        startedAt: call.startedAt.toISOString(),
      };
      return { metadata: { ...metadata } };
    },
    async onUploadFinish(req, upload) {
      const call = callOf(req);
      const meta = ownedMetadata(upload);
      try {
        if (!call || !meta || meta.ownerId !== call.actor.id) throw new Error('tus finish without an owner');
        const row = await finishUpload(ctx, {
          actor: call.actor,
          uploadId: upload.id,
          applicationId: meta.applicationId,
          slot: meta.slot,
          filename: meta.filename,
          startedAt: new Date(meta.startedAt),
        });
        return { headers: { [UPLOAD_RESULT_HEADER]: encodeURIComponent(JSON.stringify(presentFile(row))) } };
      } catch (err) {
        // A finished upload that was not accepted is discarded, so a retry starts over instead of "resuming" at 100 %.
        await ctx.files.discardUpload(upload.id).catch(() => undefined);
        throw toTusError(err);
      }
    },
    async onResponseError(req, err) {
      if (err instanceof Error) {
        // The partial bytes are removed rather than kept for a resume: they hold space the database and
        // other uploads need, and a full disk is rarely freed within a client's retries (it starts over).
        if (isStorageFull(err)) await discardPatchedUpload(req);
        return toTusError(err);
      }
      if (err.body.startsWith('{')) return undefined;
      return protocolError(err.status_code);
    },
  });

  // tus removes what its datastore knows of a cancelled upload; the store drops anything left (S3: the last incomplete part).
  server.on(EVENTS.POST_TERMINATE, (_req: unknown, _res: unknown, id: string) => {
    void ctx.files.discardUpload(id).catch((err) => opts.log.warn({ err }, 'cancelled upload not fully removed'));
  });

  return {
    server,
    attach(raw: IncomingMessage, call: TusCall) {
      calls.set(raw, call);
    },
    /** The unfinished upload with this id if it belongs to the actor, else null (answered as 404). */
    async findOwnUpload(id: string, actor: Actor): Promise<OwnedUploadMetadata | null> {
      if (!/^[0-9a-f]{32}$/.test(id)) return null;
      const upload = await datastore.getUpload(id).catch(() => null);
      const meta = upload && ownedMetadata(upload);
      return meta && meta.ownerId === actor.id ? meta : null;
    },
  };
}

function ownedMetadata(upload: Upload): OwnedUploadMetadata | null {
  const m = upload.metadata;
  if (!m?.ownerId || !m.applicationId || !m.slot || !m.filename || !m.startedAt) return null;
  return { applicationId: m.applicationId, slot: m.slot, filename: m.filename, filetype: m.filetype ?? '', ownerId: m.ownerId, startedAt: m.startedAt };
}
