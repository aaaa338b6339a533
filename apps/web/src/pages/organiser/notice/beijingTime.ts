import dayjs, { type Dayjs } from 'dayjs';

/**
 * The notice window is set and shown in Beijing time (UTC+8), as the notice page and the server print
 * it, whatever zone the browser is in. The picker works on local dayjs values, so it is given values
 * whose local wall clock reads the Beijing time, and the instant is rebuilt from that wall clock.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** An instant as a picker value whose local wall clock shows its Beijing time. */
export function toBeijingPicker(instant: string | Date): Dayjs {
  const shifted = new Date(new Date(instant).getTime() + BEIJING_OFFSET_MS);
  // The UTC fields of the shifted instant are the Beijing wall clock.
  return dayjs(new Date(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), shifted.getUTCHours(), shifted.getUTCMinutes(), shifted.getUTCSeconds()));
}

/** The instant a picker value's wall clock means in Beijing time. */
export function fromBeijingPicker(value: Dayjs): Date {
  return new Date(Date.UTC(value.year(), value.month(), value.date(), value.hour(), value.minute(), value.second()) - BEIJING_OFFSET_MS);
}

/** The next full hour after `now`, as a picker value in Beijing time. */
export function nextBeijingHour(now: Date = new Date()): Dayjs {
  return toBeijingPicker(now).add(1, 'hour').startOf('hour');
}
