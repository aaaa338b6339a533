import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRICS, type ScoreSheetBody } from '@fw/shared';
import { createDraftSaver, liveTotal, sheetErrors, toBody, type DraftState } from './sheetDraft';

const rubric = DEFAULT_RUBRICS.enterprise;

describe('score sheet values', () => {
  it('leaves empty criteria out of the body and adds up what is scored', () => {
    const values = { scores: { profile: 4.5, status: null, capability: 20.1 }, comment: '较好' };
    expect(toBody(values)).toEqual({ scores: { profile: 4.5, capability: 20.1 }, comment: '较好' });
    expect(liveTotal(rubric, values)).toBe(24.6);
  });

  it('checks a draft per criterion and a final sheet for every criterion, with the server’s messages', () => {
    expect(sheetErrors(rubric, { scores: { status: 26 } }, false)).toEqual({ 'scores.status': '「服务型制造发展现状」的得分不能超过25分' });
    expect(sheetErrors(rubric, { scores: { profile: 3 } }, false)).toEqual({});
    const final = sheetErrors(rubric, { scores: { profile: 3 } }, true);
    expect(final['scores.status']).toBe('请为「服务型制造发展现状」打分');
    expect(final['scores.profile']).toBeUndefined();
  });
});

describe('draft autosave', () => {
  const deferred = () => {
    let resolve!: (v: { updatedAt: string }) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<{ updatedAt: string }>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };

  it('sends one request at a time and then only the latest sheet', async () => {
    const sent: ScoreSheetBody[] = [];
    const pending: ReturnType<typeof deferred>[] = [];
    const states: DraftState[] = [];
    const saver = createDraftSaver({
      save: (body) => {
        sent.push(body);
        const d = deferred();
        pending.push(d);
        return d.promise;
      },
      onState: (s) => states.push(s),
    });
    saver.change({ scores: { profile: 1 } });
    const first = saver.flush();
    saver.change({ scores: { profile: 2 } });
    saver.change({ scores: { profile: 3 } });
    const second = saver.flush();
    expect(sent).toHaveLength(1);
    pending[0]!.resolve({ updatedAt: 't1' });
    // Once the first request returned, only the latest values follow (2 was never sent).
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((b) => b.scores.profile)).toEqual([1, 3]);
    expect(states.at(-1)?.phase).toBe('saving');
    pending[1]!.resolve({ updatedAt: 't2' });
    await first;
    expect(await second).toMatchObject({ phase: 'saved', savedAt: 't2' });
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('keeps a sheet that failed to save and sends it at the next flush', async () => {
    let fail = true;
    const sent: ScoreSheetBody[] = [];
    const saver = createDraftSaver({
      save: async (body) => {
        sent.push(body);
        if (fail) throw new Error('网络连接失败');
        return { updatedAt: 'later' };
      },
      onState: () => {},
    });
    saver.change({ scores: { plan: 5 } });
    expect(await saver.flush()).toMatchObject({ phase: 'failed', message: '网络连接失败' });
    expect(saver.hasUnsaved()).toBe(true);
    fail = false;
    expect(await saver.flush()).toMatchObject({ phase: 'saved', savedAt: 'later' });
    expect(sent).toHaveLength(2);
  });

  it('does not send a sheet with field errors', async () => {
    const sent: ScoreSheetBody[] = [];
    const saver = createDraftSaver({
      save: async (body) => {
        sent.push(body);
        return { updatedAt: 'x' };
      },
      onState: () => {},
      check: (v) => sheetErrors(rubric, v, false),
    });
    saver.change({ scores: { other: 9 } });
    expect(await saver.flush()).toMatchObject({ phase: 'invalid', message: '「其他」的得分不能超过5分' });
    expect(sent).toHaveLength(0);
  });
});
