import { describe, expect, it } from 'vitest';
import { SaveQueue, type KeyValueStore, type QueueState, type SaveBatch, type SendOutcome } from './saveQueue';

/** An in-memory stand-in for IndexedDB that copies values like structured clone does. */
class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  async get(key: string) {
    const v = this.data.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }
  async set(key: string, value: unknown) {
    this.data.set(key, structuredClone(value));
  }
  async del(key: string) {
    this.data.delete(key);
  }
}

/** A server double answering sends from a script, remembering what it received. */
function scriptedServer(answers: Array<SendOutcome | ((b: SaveBatch) => SendOutcome)>) {
  const received: SaveBatch[] = [];
  let version = 1;
  const send = async (b: SaveBatch): Promise<SendOutcome> => {
    received.push(structuredClone(b));
    const next = answers.shift() ?? { kind: 'ok', version: ++version, savedAt: '2026-01-01T08:00:00Z' };
    return typeof next === 'function' ? next(b) : next;
  };
  return { received, send };
}

const KEY = 'app-1';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function makeQueue(store: KeyValueStore, send: (b: SaveBatch) => Promise<SendOutcome>) {
  const states: QueueState[] = [];
  let n = 0;
  const q = new SaveQueue({
    storageKey: KEY,
    store,
    send,
    onState: (s) => states.push(s),
    autosaveMs: 20,
    maxBackoffMs: 20,
    makeId: () => `save-${++n}-xxxxxxxx`,
  });
  return { q, states, last: () => states[states.length - 1]! };
}

describe('SaveQueue', () => {
  it('writes a change to the store before sending and removes it once acknowledged', async () => {
    const store = new MemoryStore();
    let storedDuringSend: unknown;
    const server = scriptedServer([
      () => {
        storedDuringSend = store.data.get(KEY);
        return { kind: 'ok', version: 2, savedAt: '2026-01-01T08:00:00Z' };
      },
    ]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(1);
    q.set('companyName', '深圳智造');
    expect(last().pendingCount).toBe(1);
    await q.flush();
    await q.settled();
    expect(storedDuringSend).toMatchObject({ inflight: { changes: { companyName: '深圳智造' }, baseVersion: 1 } });
    expect(server.received[0]).toMatchObject({ baseVersion: 1, changes: { companyName: '深圳智造' } });
    expect(store.data.has(KEY)).toBe(false);
    expect(last()).toMatchObject({ phase: 'idle', pendingCount: 0, version: 2, lastSavedAt: '2026-01-01T08:00:00Z' });
  });

  it('after a reload re-sends the unacknowledged batch with the same saveId and shows its values', async () => {
    const store = new MemoryStore();
    const failing = scriptedServer([{ kind: 'network' }, { kind: 'network' }, { kind: 'network' }]);
    const first = makeQueue(store, failing.send);
    await first.q.open(3);
    first.q.set('employees', 120);
    await first.q.flush();
    first.q.set('website', 'https://example.cn');
    await first.q.settled();
    first.q.close(); // the tab is reloaded
    expect(first.last().phase).toBe('retrying');

    const server = scriptedServer([]);
    const second = makeQueue(store, server.send);
    const overlay = await second.q.open(3);
    expect(overlay).toEqual({ employees: 120, website: 'https://example.cn' });
    await wait(80);
    expect(server.received[0]).toEqual({ saveId: failing.received[0]!.saveId, baseVersion: 3, changes: { employees: 120 } });
    expect(server.received[1]).toMatchObject({ changes: { website: 'https://example.cn' } });
    await second.q.settled();
    expect(store.data.has(KEY)).toBe(false);
    expect(second.last().pendingCount).toBe(0);
  });

  it('keeps retrying with backoff while the network fails', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([{ kind: 'network' }, { kind: 'network' }]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(1);
    q.set('a', 'x');
    await q.flush();
    await wait(120);
    expect(server.received.length).toBe(3);
    expect(new Set(server.received.map((b) => b.saveId)).size).toBe(1);
    expect(last()).toMatchObject({ phase: 'idle', pendingCount: 0 });
  });

  it('stops on a version conflict and keeps the unsent values as leftovers after accepting the server', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([{ kind: 'conflict' }]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(1);
    q.set('a', 'mine');
    await q.flush();
    expect(last()).toMatchObject({ phase: 'conflict', pendingCount: 1 });
    q.set('b', 'typed later');
    await q.flush();
    expect(server.received.length).toBe(1);
    await q.acceptServer(7);
    expect(last()).toMatchObject({ phase: 'idle', pendingCount: 0, version: 7, leftovers: { a: 'mine', b: 'typed later' } });
    expect(await store.get(KEY)).toMatchObject({ leftovers: { a: 'mine', b: 'typed later' } });
  });

  it('keeps a refused field locally with its message and saves the other fields', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([{ kind: 'invalid', fields: { mobile: '手机号码格式不正确' } }]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(1);
    q.set('mobile', '123');
    q.set('name', '李明');
    await q.flush();
    await q.settled();
    expect(server.received[1]!.changes).toEqual({ name: '李明' });
    expect(last()).toMatchObject({ pendingCount: 1, errors: { mobile: '手机号码格式不正确' } });
    expect(await store.get(KEY)).toMatchObject({ changes: { mobile: '123' } });
    q.set('mobile', '13800000001');
    await q.flush();
    expect(server.received[2]!.changes).toEqual({ mobile: '13800000001' });
    expect(last().errors).toEqual({});
  });

  it('does not send a value the client already found invalid', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(1);
    q.set('email', 'not-an-email', '请输入正确的电子邮箱');
    await q.flush();
    expect(server.received.length).toBe(0);
    expect(last()).toMatchObject({ pendingCount: 1, errors: { email: '请输入正确的电子邮箱' } });
  });

  it('holds the queue after 401 and sends it on resume', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([{ kind: 'unauthenticated' }]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(1);
    q.set('a', 1);
    await q.flush();
    expect(last()).toMatchObject({ phase: 'unauthenticated', pendingCount: 1, message: '登录已过期，请重新登录' });
    q.resume();
    await wait(10);
    expect(server.received.length).toBe(2);
    expect(server.received[1]!.saveId).toBe(server.received[0]!.saveId);
    expect(last()).toMatchObject({ phase: 'idle', pendingCount: 0 });
  });

  it('sends a value typed while a save was in flight afterwards, not lost in between', async () => {
    const store = new MemoryStore();
    let release: () => void = () => undefined;
    const server = scriptedServer([]);
    const slowSend = async (b: SaveBatch) => {
      if (server.received.length === 0) await new Promise<void>((r) => (release = r));
      return server.send(b);
    };
    const { q, last } = makeQueue(store, slowSend);
    await q.open(1);
    q.set('a', 'first');
    const done = q.flush();
    await wait(5);
    q.set('a', 'second');
    void q.flush(); // blur during the send
    expect(last().pendingCount).toBe(1);
    release();
    await done;
    await wait(30);
    expect(server.received.map((b) => b.changes.a)).toEqual(['first', 'second']);
    expect(last().pendingCount).toBe(0);
  });
});

describe('SaveQueue.drain', () => {
  it('resolves only after every pending value is acknowledged', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([{ kind: 'network' }]);
    const { q } = makeQueue(store, server.send);
    await q.open(1);
    q.set('a', 1);
    q.set('b', 2);
    const state = await q.drain(5000);
    expect(state).toMatchObject({ phase: 'idle', pendingCount: 0 });
    expect(server.received.at(-1)!.changes).toEqual({ a: 1, b: 2 });
  });
});

describe('SaveQueue.adoptVersion', () => {
  it('builds on a reloaded version only when nothing is pending', async () => {
    const store = new MemoryStore();
    const server = scriptedServer([]);
    const { q, last } = makeQueue(store, server.send);
    await q.open(4);
    q.adoptVersion(6);
    expect(last().version).toBe(6);
    q.set('a', 1, 'bad');
    q.adoptVersion(9);
    expect(last().version).toBe(6);
  });
});
