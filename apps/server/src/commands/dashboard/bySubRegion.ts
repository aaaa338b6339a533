import { count, inArray, sql, type SQL } from 'drizzle-orm';
import type { DashboardFigure, Level } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications, regions } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';

/** The code of the region one level below `level` that holds an application (the ministry sees provinces…). */
function subRegionOf(level: Level): SQL<string> {
  switch (level) {
    case 'ministry':
      return sql<string>`left(${applications.regionCode}, 2) || '0000'`;
    case 'province':
      return sql<string>`left(${applications.regionCode}, 4) || '00'`;
    default:
      return sql<string>`${applications.regionCode}`;
  }
}

/** Applications the authority sees, by the region one level below its own (its own code: 本级). */
export async function bySubRegion(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const sub = subRegionOf(scope.authority.level);
  const rows = await db.select({ code: sub, n: count() }).from(applications).where(scope.visible).groupBy(sub).orderBy(sub);
  const codes = rows.map((r) => r.code);
  const named = codes.length ? await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)) : [];
  const names = new Map(named.map((r) => [r.code, r.name]));
  const label = (code: string) => (code === scope.authority.regionCode ? '本级' : (names.get(code) ?? code));
  return {
    key: 'subRegion',
    title: '申报数量（按下级地区）',
    chart: 'bar',
    axis: '地区',
    labels: rows.map((r) => label(r.code)),
    series: [{ name: '申报数', data: rows.map((r) => Number(r.n)) }],
  };
}
