import { ApiError } from '../../lib/api';
import { sentence } from '../../lib/formErrors';
import type { DayHours, Hours } from './types';

/** The services' field errors by field ("name", "days[0].closes"), each message as a sentence. */
export function fieldErrors(error: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const e of error.problem.errors ?? []) {
      found[e.field] ??= sentence(e.message);
    }
  }
  return found;
}

/** A refusal made on the page before asking the service, shown at the field like the service's own. */
export function fieldRefusal(field: string, message: string): ApiError {
  return new ApiError(400, { title: 'Invalid input', errors: [{ field, message }] });
}

/** A refusal because someone changed the thing since it was read: the page offers to reload it. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.problem.reason === 'STALE_VERSION' || /reload and try again/.test(error.problem.detail ?? ''))
  );
}

export { sentence };

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The ISO weekday's name: 1 → Monday. */
export function weekday(day: number): string {
  return WEEKDAYS[day - 1] ?? String(day);
}

/** "08:00:00" or "08:00" → "08:00". */
export function hhmm(time: string | null | undefined): string {
  return time ? time.slice(0, 5) : '';
}

/** One weekday in the hours editor. */
export interface HoursRow {
  dayOfWeek: number;
  open: boolean;
  opens: string;
  closes: string;
}

/** The seven rows of the hours editor from the hours that apply (a weekday without hours is closed). */
export function hoursRows(hours: Hours): HoursRow[] {
  return WEEKDAYS.map((_, i) => {
    const day = hours.days.find((d) => d.dayOfWeek === i + 1);
    return day
      ? { dayOfWeek: i + 1, open: true, opens: hhmm(day.opens), closes: hhmm(day.closes) }
      : { dayOfWeek: i + 1, open: false, opens: '', closes: '' };
  });
}

/** The week the editor's rows describe, as the API takes it: the open days only, in weekday order. */
export function hoursRequest(rows: HoursRow[]): DayHours[] {
  return rows.filter((row) => row.open).map((row) => ({ dayOfWeek: row.dayOfWeek, opens: row.opens, closes: row.closes }));
}

/**
 * The services name a wrong day by its place in the list sent ("days[1].closes"); the editor shows it at that
 * weekday's field ("3.closes" for Wednesday when Wednesday was the second open day).
 */
export function hoursErrors(errors: Record<string, string>, sent: DayHours[]): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = field.match(/^days\[(\d+)\]\.?(.*)$/);
    const day = match ? sent[Number(match[1])] : undefined;
    if (match && day) {
      const part = match[2] === 'dayOfWeek' || match[2] === '' ? 'open' : match[2];
      mapped[`${day.dayOfWeek}.${part}`] = message;
    } else {
      mapped[field] = message;
    }
  }
  return mapped;
}

const HIDDEN = new Set(['id', 'siteId', 'resourceId', 'version']);

/** A version's state in words: "name: Lakeside · timeZone: Europe/Zurich" (ids and the version left out). */
export function describeSnapshot(snapshot: Record<string, unknown>): string {
  return Object.entries(snapshot)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}: ${describeValue(value)}`)
    .join(' · ');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map(describeValue).join(', ');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.map(([k, v]) => `${k} ${describeValue(v)}`).join(' ');
  }
  return String(value);
}

/** "recliner, monitor ,, oxygen" → ["recliner", "monitor", "oxygen"]. */
export function attributeList(text: string): string[] {
  return text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}
