import { afterEach, describe, expect, it } from 'vitest';
import { fromBeijingPicker, nextBeijingHour, toBeijingPicker } from './beijingTime';

const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'UTC', 'Pacific/Auckland'];
const original = process.env.TZ;

describe('the notice window picker in Beijing time', () => {
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(zones)('shows and reads Beijing wall-clock time in a browser zone of %s', (zone) => {
    process.env.TZ = zone;
    const picked = toBeijingPicker('2026-11-22T16:30:00.000Z');
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 00:30');
    expect(fromBeijingPicker(picked).toISOString()).toBe('2026-11-22T16:30:00.000Z');
    // What the organiser picks on the calendar (local values) means that time in Beijing.
    expect(fromBeijingPicker(picked.hour(9).minute(0)).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    // Seven days on stay seven days of 24 hours (Beijing has no summer time).
    expect(fromBeijingPicker(picked.add(7, 'day')).getTime() - fromBeijingPicker(picked).getTime()).toBe(7 * 86400_000);
  });

  it('defaults to the next full hour in Beijing', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(nextBeijingHour(new Date('2026-11-22T03:20:00Z')).format('YYYY-MM-DD HH:mm')).toBe('2026-11-22 12:00');
  });
});
