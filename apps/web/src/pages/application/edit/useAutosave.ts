import { useCallback, useEffect, useRef, useState } from 'react';
import { del, get, set } from 'idb-keyval';
import { isApiError } from '../../../api/client';
import { applicationApi, type SaveResult } from '../shared/api';
import { SaveQueue, type KeyValueStore, type QueueState, type SaveBatch, type SendOutcome } from './saveQueue';

const idbStore: KeyValueStore = { get: (k) => get(k), set: (k, v) => set(k, v), del: (k) => del(k) };

export const queueStorageKey = (applicationId: string) => `fw:unsaved-fields:${applicationId}`;

const INITIAL: QueueState = {
  phase: 'idle',
  pendingCount: 0,
  lastSavedAt: null,
  version: 0,
  errors: {},
  leftovers: {},
  message: null,
};

/** Maps the PATCH answer onto what the queue needs to decide (retry, stop, block a field). */
async function sendBatch(applicationId: string, batch: SaveBatch, onSaved: (r: SaveResult) => void): Promise<SendOutcome> {
  try {
    const r = await applicationApi.saveFields(applicationId, batch);
    onSaved(r);
    return { kind: 'ok', version: r.version, savedAt: r.savedAt };
  } catch (e) {
    if (!isApiError(e) || e.status === 0 || e.status >= 500 || e.status === 429 || e.status === 408) return { kind: 'network' };
    if (e.status === 409) return { kind: 'conflict' };
    if (e.status === 401) return { kind: 'unauthenticated' };
    if (e.status === 400 || e.status === 413 || e.status === 422) {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.fields)) fields[k.replace(/^changes\./, '').split('.')[0] ?? k] ??= v;
      return { kind: 'invalid', fields };
    }
    return { kind: 'forbidden', message: e.message || '当前不允许修改申报书' };
  }
}

export interface Autosave {
  state: QueueState;
  /** Unsent values from a previous visit, to lay over the server data; null until read. */
  overlay: Record<string, unknown> | null;
  change: (key: string, value: unknown, error?: string | null) => void;
  flush: () => Promise<void>;
  /** The values not yet acknowledged, right now. */
  overlayNow: () => Record<string, unknown>;
  adoptVersion: (version: number) => void;
  /** Sends everything and waits for the answers (before 下一步). */
  drain: () => Promise<QueueState>;
  resume: () => void;
  acceptServer: (version: number) => Promise<void>;
  dismissLeftover: (key?: string) => void;
}

/** One save queue per application, kept in IndexedDB, re-sent on reload, focus and reconnect. */
export function useAutosave(applicationId: string | undefined, serverVersion: number | undefined, onSaved: (r: SaveResult) => void): Autosave {
  const [state, setState] = useState<QueueState>(INITIAL);
  const [overlay, setOverlay] = useState<Record<string, unknown> | null>(null);
  const queueRef = useRef<SaveQueue | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const ready = applicationId !== undefined && serverVersion !== undefined;

  useEffect(() => {
    if (!ready || !applicationId) return;
    const q = new SaveQueue({
      storageKey: queueStorageKey(applicationId),
      store: idbStore,
      send: (b) => sendBatch(applicationId, b, (r) => onSavedRef.current(r)),
      onState: setState,
      autosaveMs: 3000,
    });
    queueRef.current = q;
    setOverlay(null);
    void q.open(serverVersion).then((o) => {
      if (queueRef.current === q) setOverlay(o);
    });
    const retry = () => q.resume();
    const onHide = () => {
      if (document.visibilityState === 'hidden') void q.flush();
    };
    window.addEventListener('online', retry);
    window.addEventListener('focus', retry);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('focus', retry);
      document.removeEventListener('visibilitychange', onHide);
      // Leaving the page (e.g. the header link) right after typing: finish sending, then stop.
      void q.drain(8000).finally(() => q.close());
      if (queueRef.current === q) queueRef.current = null;
    };
    // The queue lives as long as the page shows this application; later versions come from its acks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applicationId, ready]);

  const change = useCallback((key: string, value: unknown, error?: string | null) => queueRef.current?.set(key, value, error), []);
  const flush = useCallback(async () => {
    await queueRef.current?.flush();
  }, []);
  const adoptVersion = useCallback((v: number) => queueRef.current?.adoptVersion(v), []);
  const overlayNow = useCallback(() => queueRef.current?.overlay() ?? {}, []);
  const drain = useCallback(async () => (queueRef.current ? queueRef.current.drain() : INITIAL), []);
  const resume = useCallback(() => queueRef.current?.resume(), []);
  const acceptServer = useCallback(async (version: number) => {
    await queueRef.current?.acceptServer(version);
  }, []);
  const dismissLeftover = useCallback((key?: string) => queueRef.current?.dismissLeftover(key), []);

  return { state, overlay, overlayNow, adoptVersion, change, flush, drain, resume, acceptServer, dismissLeftover };
}
