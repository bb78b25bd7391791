import { describe, expect, it } from 'vitest';
import { addDays, offsetMinutes, timeZones, zonedDate, zonedInstant } from './clock';

describe('wall-clock times on a site clock', () => {
  it('reads a time in Zurich as the instant it is there, winter and summer', () => {
    expect(zonedInstant('2026-11-30', '09:30', 'Europe/Zurich')).toBe('2026-11-30T08:30:00.000Z');
    expect(zonedInstant('2026-07-01', '09:30', 'Europe/Zurich')).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedInstant('2026-11-30', '09:30', 'America/New_York')).toBe('2026-11-30T14:30:00.000Z');
  });

  it('reads a time the clocks skip as the time after the change, and a repeated one as the first', () => {
    // 29 March 2026: 02:00 becomes 03:00 in Zurich, so 02:30 does not exist; the services read it as 03:30
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Zurich')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-03-29', '03:00', 'Europe/Zurich')).toBe('2026-03-29T01:00:00.000Z');
    // 25 October 2026: 03:00 becomes 02:00, so 02:30 happens twice; the first is still summer time
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Zurich')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedInstant('2026-10-25', '04:00', 'Europe/Zurich')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('gives the date of an instant where the site is, not where the browser is', () => {
    // 23:30 UTC on Monday is Tuesday in Zurich and still Monday in New York
    expect(zonedDate('2026-11-30T23:30:00Z', 'Europe/Zurich')).toBe('2026-12-01');
    expect(zonedDate('2026-11-30T23:30:00Z', 'America/New_York')).toBe('2026-11-30');
    expect(offsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Zurich')).toBe(120);
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('offers the IANA zones with the one a site has among them', () => {
    const zones = timeZones('Europe/Zurich');
    expect(zones).toContain('Europe/Zurich');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('UTC');
    expect([...zones].sort()).toEqual(zones);
  });
});
