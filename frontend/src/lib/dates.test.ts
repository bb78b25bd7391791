import { describe, expect, it } from 'vitest';
import { ageOn, clinicZone, dateIn, formatDate, formatDateTime, isRealDate, whenOn } from './dates';

describe('dates', () => {
  it('shows a birth date as that date in any browser zone', () => {
    expect(formatDate('1980-12-09')).toBe('9 Dec 1980');
  });

  it('shows a time on the given clock', () => {
    expect(formatDateTime('2026-03-02T08:30:00Z', 'Europe/Zurich')).toBe('2 Mar 2026, 09:30');
    expect(dateIn('2026-03-01T23:30:00Z', 'Europe/Zurich')).toBe('2026-03-02');
  });

  it('shows a time to the second when asked, on the date of that clock', () => {
    expect(formatDateTime('2026-03-01T23:30:15.5Z', 'Europe/Zurich', { seconds: true })).toBe('2 Mar 2026, 00:30:15');
    expect(formatDateTime('2026-03-01T23:30:15.5Z', 'America/New_York', { seconds: true })).toBe('1 Mar 2026, 18:30:15');
  });

  it("names the weekday and date of the zone's clock, not UTC's", () => {
    expect(whenOn('2026-11-29T23:30:00Z', 'Europe/Zurich')).toBe('Mon, 30 Nov 2026 00:30');
    expect(whenOn('2026-11-30T03:30:00Z', 'America/New_York')).toBe('Sun, 29 Nov 2026 22:30');
  });

  it('counts the age in whole years, the birthday included', () => {
    expect(ageOn('1980-12-09', '2026-12-08')).toBe(45);
    expect(ageOn('1980-12-09', '2026-12-09')).toBe(46);
  });

  it('tells a real calendar date from 31 February', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-02-31')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });

  it("takes the clinic's zone from a site that keeps the clinic's setting", () => {
    expect(clinicZone([{ timeZone: 'America/New_York', timeZoneSource: 'site' },
      { timeZone: 'Europe/Zurich', timeZoneSource: 'clinic-settings' }])).toBe('Europe/Zurich');
    expect(clinicZone([{ timeZone: 'Asia/Tokyo', timeZoneSource: 'site' }])).toBe('Asia/Tokyo');
    expect(clinicZone([])).toBe('UTC');
  });
});
