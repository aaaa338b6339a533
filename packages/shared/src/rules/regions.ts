/**
 * GB/T 2260 codes and authority levels. '000000' stands for the whole country (the ministry);
 * 'xx0000' is a province, 'xxxx00' a prefecture city, anything else a district or county.
 */
export const LEVELS = ['district', 'city', 'province', 'ministry'] as const;
export type Level = (typeof LEVELS)[number];
export const COUNTRY = '000000';

export const LEVEL_LABELS: Record<Level, string> = { district: '区县', city: '地市', province: '省级', ministry: '部级' };

export function levelOf(code: string): Level {
  if (code === COUNTRY) return 'ministry';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/** The code prefix that every region inside `code` shares ('' for the whole country). */
export function regionPrefix(code: string): string {
  switch (levelOf(code)) {
    case 'ministry':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'district':
      return code;
  }
}

/** Whether `inner` lies inside `outer` (a region contains itself). */
export function regionContains(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

/** The region of the given level that contains `code` (the code itself when already at that level). */
export function ancestorAt(code: string, level: Level): string {
  switch (level) {
    case 'ministry':
      return COUNTRY;
    case 'province':
      return `${code.slice(0, 2)}0000`;
    case 'city':
      return levelOf(code) === 'province' ? code : `${code.slice(0, 4)}00`;
    case 'district':
      return code;
  }
}

/** The region itself and every region above it, lowest first. */
export function regionChain(code: string): string[] {
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, COUNTRY];
  return chain.filter((c, i) => chain.indexOf(c) === i && LEVELS.indexOf(levelOf(c)) >= LEVELS.indexOf(levelOf(code)));
}
