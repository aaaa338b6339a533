import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeRegistryEntry } from '../../test/factories.js';
import { demoUscc } from '../../db/seed/demo.js';
import { organisations } from '../../db/schema/index.js';

describe('organisation certification', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });

  it('imports the registry data by name or by USCC, locks the region, then takes the contact person', async () => {
    const a = await makeApplicant(t.ctx);
    const reg = await makeRegistryEntry(t.ctx, { regionCode: '440305' });
    expect((await call(a.cookie, 'POST', '/api/organisation/entry', { entry: 'enterprise' })).statusCode).toBe(200);
    const byName = await call(a.cookie, 'GET', `/api/registry/lookup?q=${encodeURIComponent(reg.name)}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toMatchObject({ uscc: reg.uscc, regionName: '广东省 深圳市 南山区' });
    expect((await call(a.cookie, 'GET', `/api/registry/lookup?q=${reg.uscc}`)).json().name).toBe(reg.name);

    const cert = await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'enterprise', uscc: reg.uscc.toLowerCase() });
    expect(cert.statusCode).toBe(200);
    expect(cert.json()).toMatchObject({ name: reg.name, regionCode: '440305', certifiedAt: expect.any(String) });
    const again = await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'enterprise', uscc: reg.uscc });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/所属地不可更改/);

    const contact = await call(a.cookie, 'PUT', '/api/organisation/contact', { name: '王小明', position: '总经理助理', mobile: '13912345678', email: 'wxm@example.com' });
    expect(contact.statusCode).toBe(200);
    expect(contact.json().contact).toEqual({ name: '王小明', position: '总经理助理', mobile: '13912345678', email: 'wxm@example.com' });
    // Encrypted at rest: the row holds neither the number nor the address.
    const [row] = await t.ctx.db.select().from(organisations);
    expect(JSON.stringify(row)).not.toContain('13912345678');
    expect(JSON.stringify(row)).not.toContain('wxm@example.com');
  });

  it('rejects a USCC with a wrong check character with a clear message', async () => {
    const a = await makeApplicant(t.ctx);
    await call(a.cookie, 'POST', '/api/organisation/entry', { entry: 'enterprise' });
    const good = demoUscc('440300', 'MA5D8K2L7');
    const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const res = await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'enterprise', uscc: wrongCheck });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.uscc).toBe('统一社会信用代码校验位不正确，请核对');
    const short = await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'enterprise', uscc: '9144' });
    expect(short.json().fields.uscc).toBe('统一社会信用代码应为18位');
  });

  it('answers 404 with a message for an organisation not in the registry', async () => {
    const a = await makeApplicant(t.ctx);
    await call(a.cookie, 'POST', '/api/organisation/entry', { entry: 'enterprise' });
    const res = await call(a.cookie, 'GET', `/api/registry/lookup?q=${encodeURIComponent('不存在的公司有限公司')}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/未查询到/);
  });

  it('refuses an organisation already certified by another account', async () => {
    const reg = await makeRegistryEntry(t.ctx);
    for (const expected of [200, 409]) {
      const a = await makeApplicant(t.ctx);
      await call(a.cookie, 'POST', '/api/organisation/entry', { entry: 'enterprise' });
      expect((await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'enterprise', uscc: reg.uscc })).statusCode).toBe(expected);
    }
  });

  it('lets a city account choose its prefecture city, not a province', async () => {
    const a = await makeApplicant(t.ctx);
    await call(a.cookie, 'POST', '/api/organisation/entry', { entry: 'city' });
    const { usccCheckChar } = await import('@fw/shared');
    const code = '11440300MB2C3D4E5';
    const gov = code + usccCheckChar(code);
    const province = await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'city', regionCode: '440000', uscc: gov, name: '深圳市人民政府' });
    expect(province.statusCode).toBe(400);
    const city = await call(a.cookie, 'POST', '/api/organisation/certify', { entry: 'city', regionCode: '440300', uscc: gov, name: '深圳市人民政府' });
    expect(city.statusCode).toBe(200);
    expect(city.json().regionName).toBe('广东省 深圳市');
  });

  it('lists provinces and the cities of a province', async () => {
    const provinces = (await t.app.inject({ method: 'GET', url: '/api/regions' })).json() as { code: string; name: string }[];
    // GB/T 2260: 34 provincial-level divisions.
    expect(provinces.length).toBe(34);
    expect(provinces.map((p) => p.name)).toContain('广东省');
    const gd = (await t.app.inject({ method: 'GET', url: '/api/regions?parent=440000' })).json() as { name: string }[];
    expect(gd.map((c) => c.name)).toContain('深圳市');
  });
});
