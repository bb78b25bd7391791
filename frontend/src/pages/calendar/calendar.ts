import { minutesOfDay } from '../../lib/time';
import type { CalendarAppointment, CalendarChair, SiteCalendar, SiteHours } from './types';

/**
 * The calendar's arithmetic: dates of the site's clock (yyyy-mm-dd, never the browser's zone), the range a day or a
 * week shows, wall-clock times to instants and back, and what a day holds (bookings, closures, shifts, load).
 */

export type View = 'day' | 'week';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string | null | undefined): text is string {
  if (!text || !ISO_DATE.test(text)) {
    return false;
  }
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar date {@code days} after {@code date} (a date, so no zone and no daylight saving). */
export function addDays(date: string, days: number): string {
  const moved = utc(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return iso(moved);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const day = utc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the ISO week holding {@code date}. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The dates a day or a week view asks the calendar for (a week is Monday to Sunday). */
export function rangeFor(view: View, date: string): { from: string; to: string } {
  if (view === 'day') {
    return { from: date, to: date };
  }
  const monday = mondayOf(date);
  return { from: monday, to: addDays(monday, 6) };
}

/** The date the previous or next day or week shows. */
export function step(view: View, date: string, direction: 1 | -1): string {
  return addDays(date, direction * (view === 'day' ? 1 : 7));
}

/** Every date from {@code from} to {@code to}, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to && dates.length < 366; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

function wallClock(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour') % 24, part('minute'), part('second'));
}

/** The date an instant falls on at the site (its own clock). */
export function dateIn(instant: string | Date, zone: string): string {
  return iso(new Date(wallClock(new Date(instant).getTime(), zone)));
}

/**
 * The instant of a wall-clock time on a date at the site, e.g. 09:00 on 2026-11-30 in Zurich is 08:00Z. A time the
 * clocks skip (spring forward) comes out an hour later, as the clinic's own clock reads it.
 */
export function instantAt(date: string, time: string, zone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - (wallClock(wall, zone) - wall);
  guess = wall - (wallClock(guess, zone) - guess);
  return new Date(guess).toISOString();
}

/** "HH:mm" of an instant on the site's clock. */
export function timeIn(instant: string | Date, zone: string): string {
  const minutes = minutesOfDay(instant, zone);
  return String(Math.floor(minutes / 60)).padStart(2, '0') + ':' + String(minutes % 60).padStart(2, '0');
}

/** The start of a site's day as an instant. */
export function dayStart(date: string, zone: string): string {
  return instantAt(date, '00:00', zone);
}

/** Whether two spans of time overlap. */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

/** The status as the front desk says it (FHIR R4 codes in the API). */
export function statusLabel(appointment: { status: string; onHold?: boolean }): string {
  if (appointment.onHold && appointment.status === 'booked') {
    return 'on hold';
  }
  const words: Record<string, string> = {
    booked: 'booked',
    arrived: 'arrived',
    'checked-in': 'checked in',
    fulfilled: 'done',
    cancelled: 'cancelled',
    noshow: 'no-show',
  };
  return words[appointment.status] ?? appointment.status;
}

/** The chair's appointments that start on the date (site's clock), cancelled ones left out, by time. */
export function appointmentsOn(chair: CalendarChair, date: string, zone: string): CalendarAppointment[] {
  return chair.appointments
    .filter((a) => a.status !== 'cancelled' && dateIn(a.start, zone) === date)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

export function closureOn(calendar: SiteCalendar, date: string): string | null {
  return calendar.closures.find((c) => c.date === date)?.reason ?? null;
}

/** The site's opening hours on a date, "HH:mm"; null when it is closed that weekday or the date is a closure. */
export function openOn(hours: SiteHours | null, calendar: SiteCalendar, date: string): { opens: string; closes: string } | null {
  if (closureOn(calendar, date) !== null) {
    return null;
  }
  const day = hours?.days.find((d) => d.dayOfWeek === weekdayOf(date));
  return day ? { opens: day.opens.slice(0, 5), closes: day.closes.slice(0, 5) } : null;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The whole hours a day view shows: opening hours, shifts and bookings of that day, at least 08:00–18:00. */
export function hoursShown(calendar: SiteCalendar, hours: SiteHours | null, date: string): { first: number; last: number } {
  const zone = calendar.timeZone;
  let first = 8 * 60;
  let last = 18 * 60;
  const open = openOn(hours, calendar, date);
  if (open) {
    first = Math.min(first, minutes(open.opens));
    last = Math.max(last, minutes(open.closes));
  }
  const spans: { start: string; end: string }[] = [
    ...calendar.nurses.flatMap((n) => n.shifts),
    ...calendar.chairs.flatMap((c) => appointmentsOn(c, date, zone)),
  ].filter((span) => dateIn(span.start, zone) === date);
  for (const span of spans) {
    first = Math.min(first, minutesOfDay(span.start, zone));
    const end = dateIn(span.end, zone) === date ? minutesOfDay(span.end, zone) : 24 * 60;
    last = Math.max(last, end);
  }
  return { first: Math.floor(first / 60), last: Math.min(24, Math.ceil(last / 60)) };
}

/** Left edge and width in percent of the hours shown, for a span on the date. */
export function placement(
  span: { start: string; end: string },
  date: string,
  zone: string,
  hours: { first: number; last: number },
): { left: number; width: number } {
  const total = (hours.last - hours.first) * 60;
  const start = dateIn(span.start, zone) < date ? 0 : minutesOfDay(span.start, zone) - hours.first * 60;
  const end = dateIn(span.end, zone) > date ? total : minutesOfDay(span.end, zone) - hours.first * 60;
  const left = Math.max(0, Math.min(100, (start / total) * 100));
  const right = Math.max(0, Math.min(100, (end / total) * 100));
  return { left, width: Math.max(0, right - left) };
}

/** The hours of a date the clinic is open in, as "HH:00" starts: the cells a free slot can be picked from. */
export function bookableHours(hours: SiteHours | null, calendar: SiteCalendar, date: string): string[] {
  const open = openOn(hours, calendar, date);
  if (!open) {
    return [];
  }
  const found: string[] = [];
  for (let hour = Math.floor(minutes(open.opens) / 60); hour * 60 < minutes(open.closes); hour++) {
    found.push(String(hour).padStart(2, '0') + ':00');
  }
  return found;
}

/** The nurses on shift on a date, each shift on the site's clock. */
export function shiftsOn(
  calendar: SiteCalendar,
  date: string,
): { nurse: string; start: string; end: string; chairsWatched: number; source?: string }[] {
  return calendar.nurses.flatMap((n) =>
    n.shifts.filter((s) => dateIn(s.start, calendar.timeZone) === date).map((s) => ({ nurse: n.nurse, ...s })),
  );
}

/** The load segments of a date (infusions running against the chairs the nurses on shift may watch). */
export function loadOn(calendar: SiteCalendar, date: string) {
  return calendar.load.filter((l) => dateIn(l.start, calendar.timeZone) === date);
}

/** The busiest moment of a date: most infusions running, against the capacity then; full when none is to spare. */
export function peakLoad(calendar: SiteCalendar, date: string): { infusions: number; capacity: number; full: boolean } | null {
  const segments = loadOn(calendar, date);
  if (segments.length === 0) {
    return null;
  }
  const busiest = segments.reduce((a, b) => (b.infusions > a.infusions ? b : a));
  const full = segments.some((s) => s.infusions > 0 && s.infusions >= s.capacity);
  return { infusions: busiest.infusions, capacity: busiest.capacity, full };
}
