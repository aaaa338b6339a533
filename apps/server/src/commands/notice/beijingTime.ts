/** Dates as people in China read them (UTC+8, no daylight saving), whatever the server's zone. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

const shifted = (d: Date) => new Date(d.getTime() + BEIJING_OFFSET_MS);

export function beijingYear(d: Date): number {
  return shifted(d).getUTCFullYear();
}

/** 2026-05-01 18:00 */
export function beijingDateTime(d: Date): string {
  return shifted(d).toISOString().slice(0, 16).replace('T', ' ');
}
