/** Selection categories (遴选类别) and their sub-types. */
export const CATEGORIES = ['enterprise', 'platform', 'project', 'city', 'district'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  enterprise: '示范企业',
  platform: '示范平台',
  project: '示范项目',
  city: '示范城市',
  district: '示范区',
};

/** One-letter codes used inside application numbers. */
export const CATEGORY_LETTERS: Record<Category, string> = {
  enterprise: 'E',
  platform: 'P',
  project: 'J',
  city: 'C',
  district: 'D',
};

export const ENTRIES = ['enterprise', 'city'] as const;
export type Entry = (typeof ENTRIES)[number];
export const ENTRY_LABELS: Record<Entry, string> = { enterprise: '企业类（示范企业/平台/项目）', city: '城市类（示范城市/区）' };
export const ENTRY_CATEGORIES: Record<Entry, Category[]> = {
  enterprise: ['enterprise', 'platform', 'project'],
  city: ['city', 'district'],
};

export const PLATFORM_KINDS = ['shared', 'other'] as const;
export const CITY_KINDS = ['design', 'general'] as const;
export const SUB_TYPE_LABELS: Record<string, string> = {
  shared: '共享制造类',
  other: '其他类',
  design: '工业设计特色类',
  general: '其他类（综合类）',
};

/** Which sub-types a category requires (empty: none). */
export const CATEGORY_SUB_TYPES: Record<Category, readonly string[]> = {
  enterprise: [],
  platform: PLATFORM_KINDS,
  project: [],
  city: CITY_KINDS,
  district: [],
};

export function categoryTitle(category: Category, subType?: string | null): string {
  return subType ? `${CATEGORY_LABELS[category]}（${SUB_TYPE_LABELS[subType] ?? subType}）` : CATEGORY_LABELS[category];
}
