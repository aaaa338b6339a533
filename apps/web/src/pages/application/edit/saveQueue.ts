/**
 * The lossless save queue of one application. Every change is written to a local store
 * (IndexedDB in the browser) before it is sent, and leaves the store only when the server has
 * acknowledged it. A batch in flight keeps its saveId, so a retry — even after a reload — is
 * answered by the server as the same save instead of being applied twice.
 */

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export interface SaveBatch {
  saveId: string;
  baseVersion: number;
  changes: Record<string, unknown>;
}

/** What became of one send; the transport maps HTTP answers onto these. */
export type SendOutcome =
  | { kind: 'ok'; version: number; savedAt: string }
  | { kind: 'conflict' }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'network' };

export type QueuePhase = 'idle' | 'saving' | 'retrying' | 'conflict' | 'unauthenticated' | 'forbidden';

export interface QueueState {
  phase: QueuePhase;
  /** Fields typed but not yet acknowledged by the server. */
  pendingCount: number;
  lastSavedAt: string | null;
  version: number;
  /** Field → message for values kept locally but refused (client check or server 400). */
  errors: Record<string, string>;
  /** Values that could not be saved because of a conflict; shown so the user can re-enter them. */
  leftovers: Record<string, unknown>;
  message: string | null;
}

/** Persisted shape (one record per application). */
interface StoredRecord {
  version: number;
  changes: Record<string, unknown>;
  inflight: SaveBatch | null;
  errors: Record<string, string>;
  leftovers: Record<string, unknown>;
}

export interface SaveQueueOptions {
  /** Key of the record in the store, one per application. */
  storageKey: string;
  store: KeyValueStore;
  send: (batch: SaveBatch) => Promise<SendOutcome>;
  onState: (state: QueueState) => void;
  /** Wait after the last change before an automatic save. */
  autosaveMs?: number;
  /** Longest wait between retries after network failures. */
  maxBackoffMs?: number;
  makeId?: () => string;
}

const BLOCKING: QueuePhase[] = ['conflict', 'unauthenticated', 'forbidden'];

export class SaveQueue {
  private version = 0;
  private changes: Record<string, unknown> = {};
  private inflight: SaveBatch | null = null;
  private errors: Record<string, string> = {};
  private leftovers: Record<string, unknown> = {};
  private phase: QueuePhase = 'idle';
  private message: string | null = null;
  private lastSavedAt: string | null = null;
  private sending = false;
  private again = false;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writes: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: SaveQueueOptions) {}

  /**
   * Reads what is still unsent from the store. Returns the values to lay over the server's data
   * (the unsent values win) and starts sending them.
   */
  async open(serverVersion: number): Promise<Record<string, unknown>> {
    let stored: StoredRecord | null = null;
    try {
      stored = parseRecord(await this.opts.store.get(this.opts.storageKey));
    } catch {
      stored = null; // no IndexedDB (private mode): work from memory
    }
    this.version = serverVersion;
    if (stored) {
      this.changes = stored.changes;
      this.inflight = stored.inflight;
      this.errors = stored.errors;
      this.leftovers = stored.leftovers;
      // Changes typed against an older version must not silently overwrite newer server data.
      if (this.inflight || Object.keys(this.changes).length > 0) this.version = stored.version;
    }
    this.emit();
    if (this.inflight || this.sendableKeys().length > 0) void this.flush();
    return this.overlay();
  }

  /** Records a typed value; `error` keeps it locally without sending it (it would be refused). */
  set(key: string, value: unknown, error?: string | null): void {
    this.changes[key] = value;
    if (error) this.errors[key] = error;
    else delete this.errors[key];
    void this.persist();
    this.emit();
    this.scheduleAutosave();
  }

  /** Sends what is pending now (Enter, blur, 保存 button, timer). Resolves when the queue is quiet. */
  async flush(): Promise<void> {
    if (this.closed) return;
    this.clearTimer();
    if (BLOCKING.includes(this.phase)) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    if (!this.inflight) {
      const keys = this.sendableKeys();
      if (keys.length === 0) return;
      const changes: Record<string, unknown> = {};
      for (const k of keys) {
        changes[k] = this.changes[k];
        delete this.changes[k];
      }
      this.inflight = { saveId: this.makeId(), baseVersion: this.version, changes };
    }
    const batch = this.inflight;
    this.sending = true;
    this.phase = 'saving';
    this.emit();
    await this.persist(); // the batch is on disk before it goes out
    let outcome: SendOutcome;
    try {
      outcome = await this.opts.send(batch);
    } catch {
      outcome = { kind: 'network' };
    }
    this.sending = false;
    if (this.closed) return;
    this.handle(batch, outcome);
    await this.persist();
    this.emit();
    const asked = this.again;
    this.again = false;
    if ((outcome.kind === 'ok' || outcome.kind === 'invalid') && this.sendableKeys().length > 0) {
      // Someone asked to save meanwhile (Enter, blur) or a refused batch left good values: send now;
      // values still being typed wait for the autosave timer.
      if (asked || outcome.kind === 'invalid') return this.flush();
      this.scheduleAutosave();
    }
  }

  /**
   * Sends everything that can be sent and resolves when nothing is in flight any more, sending is
   * stopped (conflict, 401, 403) or the time is up (network down). Used before leaving the form.
   */
  async drain(timeoutMs = 15_000): Promise<QueueState> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until && !this.closed) {
      if (BLOCKING.includes(this.phase)) break;
      if (!this.sending && !this.inflight && this.sendableKeys().length === 0) break;
      if (this.sending) await sleep(50);
      else {
        await this.flush();
        if (this.phase === 'retrying') await sleep(Math.min(1000, Math.max(0, until - Date.now())));
      }
    }
    return this.state();
  }

  /**
   * The page reloaded the application (e.g. after a category change, which the server counts as a
   * change too): when nothing is pending, later saves build on that version.
   */
  adoptVersion(serverVersion: number): void {
    if (this.sending || this.inflight || Object.keys(this.changes).length > 0) return;
    if (serverVersion > this.version) {
      this.version = serverVersion;
      this.emit();
    }
  }

  /** After login again or when the window regains focus: try again what was stopped by 401. */
  resume(): void {
    if (this.phase === 'unauthenticated' || this.phase === 'retrying') {
      this.phase = 'idle';
      this.attempts = 0;
      void this.flush();
    }
  }

  /**
   * After a conflict the server's version wins: drops the queue, keeps the dropped values as
   * leftovers to show, and continues from the version the page reloaded.
   */
  async acceptServer(serverVersion: number): Promise<void> {
    const dropped = this.overlay();
    this.leftovers = { ...this.leftovers, ...dropped };
    this.changes = {};
    this.inflight = null;
    this.errors = {};
    this.version = serverVersion;
    this.phase = 'idle';
    this.message = null;
    this.attempts = 0;
    await this.persist();
    this.emit();
  }

  dismissLeftover(key?: string): void {
    if (key === undefined) this.leftovers = {};
    else delete this.leftovers[key];
    void this.persist();
    this.emit();
  }

  /** Waits for pending local writes (tests, page leave). */
  async settled(): Promise<void> {
    await this.writes;
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
  }

  state(): QueueState {
    const pending = new Set([...Object.keys(this.changes), ...Object.keys(this.inflight?.changes ?? {})]);
    return {
      phase: this.phase,
      pendingCount: pending.size,
      lastSavedAt: this.lastSavedAt,
      version: this.version,
      errors: { ...this.errors },
      leftovers: { ...this.leftovers },
      message: this.message,
    };
  }

  /** Everything not yet acknowledged, newest value per field. */
  overlay(): Record<string, unknown> {
    return { ...(this.inflight?.changes ?? {}), ...this.changes };
  }

  private handle(batch: SaveBatch, outcome: SendOutcome): void {
    switch (outcome.kind) {
      case 'ok':
        this.inflight = null;
        this.version = outcome.version;
        this.lastSavedAt = outcome.savedAt;
        this.attempts = 0;
        this.phase = 'idle';
        this.message = null;
        return;
      case 'invalid': {
        // The batch was refused as a whole: the named fields stay local with their message,
        // the others go back to the queue and are sent again at once.
        this.inflight = null;
        const named = Object.keys(outcome.fields).filter((k) => k in batch.changes);
        const blame = named.length > 0 ? named : Object.keys(batch.changes);
        for (const [k, v] of Object.entries(batch.changes)) {
          if (!(k in this.changes)) this.changes[k] = v;
        }
        for (const k of blame) this.errors[k] = outcome.fields[k] ?? '内容不符合要求，未能保存';
        this.phase = 'idle';
        return;
      }
      case 'conflict':
        this.phase = 'conflict';
        this.message = '该申报书已在其他窗口或设备上修改';
        return;
      case 'unauthenticated':
        this.phase = 'unauthenticated';
        this.message = '登录已过期，请重新登录';
        return;
      case 'forbidden':
        this.phase = 'forbidden';
        this.message = outcome.message;
        return;
      case 'network': {
        this.attempts += 1;
        const max = this.opts.maxBackoffMs ?? 30_000;
        const delay = Math.min(max, 1000 * 2 ** (this.attempts - 1));
        this.phase = 'retrying';
        this.message = '网络异常，正在重试';
        this.clearTimer();
        this.timer = setTimeout(() => {
          this.phase = 'idle';
          void this.flush();
        }, delay);
        return;
      }
    }
  }

  private sendableKeys(): string[] {
    return Object.keys(this.changes).filter((k) => !(k in this.errors));
  }

  private scheduleAutosave(ms = this.opts.autosaveMs ?? 3000): void {
    if (this.closed || this.sending || BLOCKING.includes(this.phase) || this.phase === 'retrying') return;
    if (this.timer && ms > 0) return; // a save is already due
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private persist(): Promise<void> {
    this.writes = this.writes.then(
      () => this.writeNow(),
      () => this.writeNow(),
    );
    return this.writes.catch(() => undefined);
  }

  private async writeNow(): Promise<void> {
    const rec: StoredRecord = {
      version: this.version,
      changes: this.changes,
      inflight: this.inflight,
      errors: this.errors,
      leftovers: this.leftovers,
    };
    const empty = !rec.inflight && isEmpty(rec.changes) && isEmpty(rec.leftovers);
    try {
      if (empty) await this.opts.store.del(this.opts.storageKey);
      else await this.opts.store.set(this.opts.storageKey, JSON.parse(JSON.stringify(rec)) as StoredRecord);
    } catch {
      // Storage unavailable: the queue still lives in memory and is sent as usual.
    }
  }

  private emit(): void {
    if (!this.closed) this.opts.onState(this.state());
  }

  private makeId(): string {
    return this.opts.makeId ? this.opts.makeId() : crypto.randomUUID();
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isEmpty(o: Record<string, unknown>): boolean {
  return Object.keys(o).length === 0;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseRecord(v: unknown): StoredRecord | null {
  if (!isObj(v)) return null;
  const inflight = isObj(v.inflight) && typeof v.inflight.saveId === 'string' && isObj(v.inflight.changes)
    ? { saveId: v.inflight.saveId, baseVersion: Number(v.inflight.baseVersion) || 0, changes: v.inflight.changes }
    : null;
  return {
    version: typeof v.version === 'number' ? v.version : 0,
    changes: isObj(v.changes) ? v.changes : {},
    inflight,
    errors: isObj(v.errors) ? (v.errors as Record<string, string>) : {},
    leftovers: isObj(v.leftovers) ? v.leftovers : {},
  };
}
