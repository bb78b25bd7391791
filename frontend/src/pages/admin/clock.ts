/**
 * Wall-clock dates and times of a site, turned into the instants the APIs take and back, on the site's own clock
 * (never the browser's). The browser's Intl data knows every IANA zone and its changes of the clocks.
 */

const HOUR_MS = 3600_000;

function parts(epochMs: number, zone: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') {
      found[part.type] = Number(part.value);
    }
  }
  return found;
}

/** How far the zone's clock is ahead of UTC at an instant, in minutes (+60 for Zurich in winter). */
export function offsetMinutes(epochMs: number, zone: string): number {
  const p = parts(epochMs, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * The instant (ISO, UTC) of a date ("2026-03-29") and time ("09:30") on the zone's clock. A time the clocks skip
 * (02:30 the night they go forward) is read as the time after the change, and one they repeat (02:30 the night they
 * go back) as the first of the two, as the services read wall-clock times.
 */
export function zonedInstant(date: string, time: string, zone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMinutes(wall - 12 * HOUR_MS, zone);
  const after = offsetMinutes(wall + 12 * HOUR_MS, zone);
  // each offset around the time gives one reading; a reading is right when the zone's clock shows the time then
  const candidates = [wall - before * 60000, wall - after * 60000].filter(
    (t) => t + offsetMinutes(t, zone) * 60000 === wall,
  );
  const chosen = candidates.length > 0 ? Math.min(...candidates) : wall - before * 60000;
  return new Date(chosen).toISOString();
}

/** The date ("2026-11-30") of an instant on the zone's clock. */
export function zonedDate(instant: string | Date, zone: string): string {
  const p = parts(new Date(instant).getTime(), zone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A date plus or minus days ("2026-11-30" + 3 → "2026-12-03"), as calendar dates (no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The IANA zones a site may keep time in, by name, with {@code keep} among them (the zone a site has now). */
export function timeZones(keep?: string): string[] {
  const zones = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  if (keep) {
    zones.add(keep);
  }
  return [...zones].sort();
}
