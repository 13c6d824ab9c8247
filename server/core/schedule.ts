import type { Schedule } from '../schema/message.ts';

/** Where `now` falls against a message's schedule window (start inclusive, end exclusive). */
export function scheduleState(schedule: Schedule, now: Date): 'before' | 'open' | 'after' {
  const t = now.getTime();
  if (schedule.start !== null && t < Date.parse(schedule.start)) return 'before';
  if (schedule.end !== null && t >= Date.parse(schedule.end)) return 'after';
  return 'open';
}
