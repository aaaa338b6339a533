import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant } from '../../test/factories.js';
import { makeExpert } from '../../test/factories/stage45.js';
import { notify } from '../../commands/notifications/notify.js';
import { requester } from '../authority/reviewFixtures.js';

describe('a user’s own notifications', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  it('asks for a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('lists only released notices of the user, newest first, and marks all read', async () => {
    const me = await makeApplicant(t.ctx);
    const other = await makeApplicant(t.ctx);
    const expert = await makeExpert(t);
    await notify(t.ctx.db, { userId: me.user.id, roundId: null, kind: 'decision_selected', title: '待组织单位发送', body: '…' });
    await notify(t.ctx.db, { userId: me.user.id, roundId: null, kind: 'notice_published', title: '较早', body: '甲', release: true, now: new Date('2026-01-01T00:00:00Z') });
    await notify(t.ctx.db, { userId: me.user.id, roundId: null, kind: 'notice_published', title: '较新', body: '乙', release: true, now: new Date('2026-02-01T00:00:00Z') });
    await notify(t.ctx.db, { userId: other.user.id, roundId: null, kind: 'notice_published', title: '别人的', body: '丙', release: true });
    const mine = (await req(me.cookie, 'GET', '/api/notifications')).json();
    expect(mine.items.map((n: { title: string }) => n.title)).toEqual(['较新', '较早']);
    expect(mine.unread).toBe(2);
    expect((await req(expert.cookie, 'GET', '/api/notifications')).json()).toEqual({ items: [], unread: 0 });
    expect((await req(me.cookie, 'POST', '/api/notifications/read', {})).json()).toEqual({ marked: 2 });
    expect((await req(me.cookie, 'GET', '/api/notifications')).json().unread).toBe(0);
    expect((await req(other.cookie, 'GET', '/api/notifications')).json().unread).toBe(1);
  });
});
