/**
 * Times as clinic staff read them: always on a site's wall clock, with the zone named, never the browser's zone.
 */

const time = (zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const day = (zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "09:30" on the site's clock. */
export function formatTime(instant: string | Date, zone: string): string {
  return time(zone).format(new Date(instant));
}

/** "Mon 30 Nov 2026" for a calendar date (ISO yyyy-mm-dd), read as that date (no zone shift). */
export function formatDay(isoDate: string): string {
  return day('UTC').format(new Date(isoDate + 'T00:00:00Z'));
}

/** The zone as staff know it: "Zurich" for Europe/Zurich. */
export function zoneLabel(zone: string): string {
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** Minutes since local midnight of the site's day for an instant (for placing a booking on a board). */
export function minutesOfDay(instant: string | Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(instant));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/** "12 min", "1 h 05" since {@code since}, at {@code now}. */
export function elapsed(since: string | Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60000));
  return minutes < 60 ? minutes + ' min' : Math.floor(minutes / 60) + ' h ' + String(minutes % 60).padStart(2, '0');
}
