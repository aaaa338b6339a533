import { pgTable, text, varchar, timestamp, uuid, jsonb, date, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** The local business-registry table (default BusinessRegistry); filled from CSV by an operator. */
export const registryEntries = pgTable(
  'registry_entries',
  {
    uscc: varchar('uscc', { length: 18 }).primaryKey(),
    name: text('name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    registeredCapital: text('registered_capital'),
    orgType: text('org_type'),
    address: text('address'),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    establishedOn: date('established_on'),
    /** 存续 / 在业 / 吊销 / 注销 / 停业 / 清算 */
    businessStatus: text('business_status').notNull().default('存续'),
  },
  (t) => [uniqueIndex('registry_entries_name_uq').on(t.name)],
);

/** The organisation an applicant account represents (one per account). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** enterprise (示范企业/平台/项目) | city (示范城市/区) */
    entry: varchar('entry', { length: 16 }).notNull(),
    uscc: varchar('uscc', { length: 18 }),
    name: text('name'),
    /** Locked once certified. */
    regionCode: varchar('region_code', { length: 6 }),
    /** Registry data as imported at certification (address, legal representative, capital, type...). */
    registry: jsonb('registry').$type<Record<string, string | null>>(),
    certifiedAt: timestamp('certified_at', { withTimezone: true }),
    /** Contact person; mobile and e-mail inside are encrypted (personalData.protect). */
    contact: jsonb('contact').$type<{ name: string; position: string; mobileEnc: string; emailEnc: string } | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_user_uq').on(t.userId), index('organisations_region_idx').on(t.regionCode), index('organisations_uscc_idx').on(t.uscc)],
);
