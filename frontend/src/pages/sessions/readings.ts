import { formatTime } from '../../lib/time';
import type { ReadingSlot } from './types';

/** What the countdown at the chair says about the vitals readings. */
export interface NextReading {
  /** DUE: take it now; UPCOMING: counting down; NONE: nothing scheduled (before the dose, or after discharge). */
  status: 'DUE' | 'UPCOMING' | 'NONE';
  /** When the reading is (was) due. */
  dueAt: string | null;
  /** Seconds until it is due (UPCOMING), or since it fell due (DUE). */
  seconds: number;
  /** Readings the schedule had that were not taken in time. */
  missed: ReadingSlot[];
}

/**
 * The next reading, from the schedule the session service computed ({@code readings}) and the time now on the
 * service's clock: a reading due is due now; else the next upcoming one counts down (and is due once its time has
 * come, before the page has heard it from the service); overdue ones are listed as missed.
 */
export function nextReading(slots: ReadingSlot[], now: number): NextReading {
  const missed = slots.filter((slot) => slot.status === 'OVERDUE');
  const due = slots.find((slot) => slot.status === 'DUE');
  if (due) {
    return { status: 'DUE', dueAt: due.dueAt, seconds: Math.max(0, Math.floor((now - Date.parse(due.dueAt)) / 1000)), missed };
  }
  const upcoming = slots.find((slot) => slot.status === 'UPCOMING');
  if (upcoming) {
    const left = Math.ceil((Date.parse(upcoming.dueAt) - now) / 1000);
    return left > 0
      ? { status: 'UPCOMING', dueAt: upcoming.dueAt, seconds: left, missed }
      : { status: 'DUE', dueAt: upcoming.dueAt, seconds: -left, missed };
  }
  return { status: 'NONE', dueAt: null, seconds: 0, missed };
}

/** "4 min 05 s", "45 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return minutes > 0 ? minutes + ' min ' + String(rest).padStart(2, '0') + ' s' : rest + ' s';
}

/** The countdown in words, times on the site's clock. */
export function describeNext(next: NextReading, zone: string): string {
  if (next.status === 'DUE' && next.dueAt) {
    return 'Vitals reading due now (since ' + formatTime(next.dueAt, zone) + ', ' + duration(next.seconds) + ' ago)';
  }
  if (next.status === 'UPCOMING' && next.dueAt) {
    return 'Next vitals reading at ' + formatTime(next.dueAt, zone) + ', in ' + duration(next.seconds);
  }
  return 'No vitals reading scheduled now';
}
