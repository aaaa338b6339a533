import { sql } from 'drizzle-orm';
import { THIRD_NATIONAL_ROUND } from '@fw/shared';
import type { AppContext } from '../../apps/server/src/context.js';
import { sampleApplicationData } from '../../apps/server/src/db/seed/sampleApplication.js';

export interface BulkOptions {
  roundId: string;
  /** Submitted applications in the whole country. */
  total: number;
  /** Of them, recommended by their city and by the province of Guangdong (the summary table's rows). */
  provinceRecommended: number;
}

/**
 * The authority list's and the summary table's data, made set-based inside the database (one
 * INSERT … SELECT per table over generate_series), so 100,000 applications take seconds, not minutes:
 * 10% in Shenzhen, 10% elsewhere in Guangdong, the rest spread over every district of the country.
 * Contacts share one encrypted value (the list and the summary decrypt it like any other).
 */
export async function seedBulkApplications(ctx: AppContext, o: BulkOptions): Promise<void> {
  const db = ctx.db;
  const contact = { name: '联系人', position: '经理', mobileEnc: ctx.personalData.protect('13912345678'), emailEnc: ctx.personalData.protect('contact@example.cn') };
  const data = sampleApplicationData('enterprise', { round: THIRD_NATIONAL_ROUND, subType: null });
  const registry = { legalRepresentative: '张三', registeredCapital: '1000万元人民币', orgType: '有限责任公司', address: '测试地址1号', establishedOn: '2015-01-01', businessStatus: '存续' };

  await db.execute(sql`drop table if exists bench_rows`);
  // Region pools: Shenzhen's districts, Guangdong's other districts, every district.
  await db.execute(sql`
    create table bench_rows as
    with sz as (select array_agg(code order by code) a from regions where level = 'district' and code like '4403%'),
         gd as (select array_agg(code order by code) a from regions where level = 'district' and code like '44%' and code not like '4403%'),
         al as (select array_agg(code order by code) a from regions where level = 'district')
    select i,
           gen_random_uuid() as uid, gen_random_uuid() as oid, gen_random_uuid() as aid,
           case when i % 10 = 0 then sz.a[1 + (i / 10) % cardinality(sz.a)]
                when i % 10 = 1 then gd.a[1 + (i / 10) % cardinality(gd.a)]
                else al.a[1 + (i * 7919) % cardinality(al.a)] end as region,
           case when (i / 10) % 5 < 3 then 'enterprise' when (i / 10) % 5 = 3 then 'platform' else 'project' end as category,
           case when (i / 10) % 5 = 3 then (case when (i / 10) % 2 = 0 then 'shared' else 'other' end) end as sub_type,
           (i % 10 = 1 and i / 10 < ${o.provinceRecommended}) as recommended
    from generate_series(1, ${o.total}) i, sz, gd, al`);
  await db.execute(sql`
    insert into users (id, role, mobile_enc, password_hash)
    select uid, 'applicant', ${contact.mobileEnc}, 'bench-no-login' from bench_rows`);
  await db.execute(sql`
    insert into organisations (id, user_id, entry, uscc, name, region_code, registry, certified_at, contact)
    select oid, uid, 'enterprise', '91' || region || lpad(i::text, 9, '0') || 'X', '基准测试' || i || '号服务型制造有限公司', region,
           ${JSON.stringify(registry)}::jsonb, now(), ${JSON.stringify(contact)}::jsonb
    from bench_rows`);
  await db.execute(sql`
    insert into applications (id, round_id, organisation_id, category, sub_type, region_code, data, version, status, current_number, submitted_at)
    select aid, ${o.roundId}::uuid, oid, category, sub_type, region, ${JSON.stringify(data)}::jsonb, 1, 'submitted',
           'N3-' || region || '-' || upper(left(category, 1)) || lpad(i::text, 6, '0'), now() - make_interval(secs => i)
    from bench_rows`);
  // The summary table reads the current submission's snapshot.
  await db.execute(sql`
    insert into submissions (application_id, number, status, idempotency_key, application_version, snapshot, submitted_at)
    select aid, 'N3-' || region || '-' || upper(left(category, 1)) || lpad(i::text, 6, '0'), 'current', 'bench-' || i, 1,
           jsonb_build_object('category', category, 'subType', sub_type, 'data', ${JSON.stringify(data)}::jsonb, 'files', '[]'::jsonb,
             'organisation', jsonb_build_object('name', '基准测试' || i || '号服务型制造有限公司', 'uscc', '91' || region || lpad(i::text, 9, '0') || 'X',
               'regionCode', region, 'registry', ${JSON.stringify(registry)}::jsonb, 'contact', ${JSON.stringify(contact)}::jsonb)),
           now() - make_interval(secs => i)
    from bench_rows where recommended`);
  // Checks by the cities of a third of the Shenzhen rows; the recommended rows passed and recommended
  // by their city, then by the province in rank order per category.
  await db.execute(sql`
    insert into reviews (round_id, application_id, reviewer_region, level, check_status, recommended, rank, recommended_at)
    select ${o.roundId}::uuid, aid, left(region, 4) || '00', 'city',
           case when recommended or i % 3 = 0 then 'passed' else 'returned' end, recommended,
           case when recommended then row_number() over (partition by left(region, 4), category, sub_type, recommended order by i)::int end,
           case when recommended then now() end
    from bench_rows where recommended or (i % 10 = 0 and i % 3 <> 2)`);
  await db.execute(sql`
    insert into reviews (round_id, application_id, reviewer_region, level, check_status, recommended, rank, recommended_at)
    select ${o.roundId}::uuid, aid, '440000', 'province', 'passed', true,
           row_number() over (partition by category, sub_type order by i)::int, now()
    from bench_rows where recommended`);
  await db.execute(sql`drop table bench_rows`);
  await db.execute(sql`analyze`);
}
