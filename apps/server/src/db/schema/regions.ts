import { pgTable, text, varchar, index } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative divisions: province → prefecture city → district. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    /** province | city | district */
    level: varchar('level', { length: 16 }).notNull(),
    parentCode: varchar('parent_code', { length: 6 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
