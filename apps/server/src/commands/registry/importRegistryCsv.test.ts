import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { demoUscc } from '../../db/seed/demo.js';
import { registryEntries } from '../../db/schema/index.js';
import { importRegistryCsv } from './importRegistryCsv.js';

describe('registry CSV import', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  it('imports valid rows, reports bad ones by line, and updates on a second import', async () => {
    const good = demoUscc('440300', 'MA5AAAAA1');
    const csv = [
      'uscc,name,legal_representative,registered_capital,org_type,address,region_code,established_on,business_status',
      `${good},"深圳某某科技有限公司",张三,100万元,有限责任公司,"深圳市南山区1号",440305,2018-01-02,存续`,
      `${good.slice(0, 17)}X,坏校验位公司,李四,,,,440305,,`,
      `${demoUscc('440300', 'MA5AAAAA2')},缺区划公司,王五,,,,4403,,`,
    ].join('\n');
    const report = await importRegistryCsv(t.ctx.db, csv);
    expect(report.imported).toBe(1);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(report.rejected[0]!.message).toContain('校验位');
    const [row] = await t.ctx.db.select().from(registryEntries).where(eq(registryEntries.uscc, good));
    expect(row).toMatchObject({ name: '深圳某某科技有限公司', regionCode: '440305', establishedOn: '2018-01-02' });
    await importRegistryCsv(t.ctx.db, csv.replace('张三', '赵六'));
    const [updated] = await t.ctx.db.select().from(registryEntries).where(eq(registryEntries.uscc, good));
    expect(updated!.legalRepresentative).toBe('赵六');
    // Found by the certification lookup, by name and by code.
    expect((await t.ctx.registry.lookup('深圳某某科技有限公司'))?.uscc).toBe(good);
  });
});
