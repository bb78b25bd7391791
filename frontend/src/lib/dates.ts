/**
 * Calendar dates (birth dates) and the clinic's own clock for times that belong to no site (a screening, a signed
 * decision): the zone of the clinic's settings as scheduling reports it, always named next to the time.
 */

import { formatDay, formatTime } from './time';

const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** "9 Dec 1980" for an ISO calendar date (yyyy-mm-dd), read as that date wherever the browser is. */
export function formatDate(isoDate: string): string {
  return date.format(new Date(isoDate + 'T00:00:00Z'));
}

/**
 * "9 Dec 2026, 09:30" on the given zone's clock (the caller names the zone); "9 Dec 2026, 09:30:15" with
 * {@code seconds}, for records read to the second (the audit trail).
 */
export function formatDateTime(instant: string | Date, zone: string, options: { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    ...(options.seconds ? { second: '2-digit' as const } : {}),
  }).format(new Date(instant));
}

/** "Mon, 30 Nov 2026 09:30" on the zone's clock: the weekday and date of that clock, not the browser's or UTC's. */
export function whenOn(instant: string, zone: string): string {
  return formatDay(dateIn(instant, zone)) + ' ' + formatTime(instant, zone);
}

/** The calendar date an instant falls on in a zone, as yyyy-mm-dd. */
export function dateIn(instant: string | Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return part('year') + '-' + part('month') + '-' + part('day');
}

/** Whole years from a birth date to a day (both yyyy-mm-dd): the age on that day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Whether a yyyy-mm-dd string is a real calendar date (no 31 February): the date a picker or a typed field gave.
 */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const [, y, m, d] = match.map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

export interface SiteZone {
  timeZone: string;
  timeZoneSource?: string;
}

/**
 * The clinic's zone for times that belong to no site: the zone a site without its own keeps (the clinic's setting),
 * else the first site's; UTC, named as such, when scheduling knows no site.
 */
export function clinicZone(sites: SiteZone[]): string {
  return (sites.find((s) => s.timeZoneSource === 'clinic-settings') ?? sites[0])?.timeZone ?? 'UTC';
}
