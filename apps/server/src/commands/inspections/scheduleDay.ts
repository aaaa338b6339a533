import { isPastDay } from '@fw/shared';
import { AppError } from '../../errors.js';

/** An inspection is planned for today or later (Beijing days, by the server clock). */
export function assertNotPast(day: string, now: Date): void {
  if (isPastDay(day, now)) throw new AppError('VALIDATION', '考察日期不能早于今天', { scheduledOn: '考察日期不能早于今天' });
}
