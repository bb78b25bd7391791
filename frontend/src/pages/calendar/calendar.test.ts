import { describe, expect, it } from 'vitest';
import {
  addDays,
  bookableHours,
  dateIn,
  hoursShown,
  instantAt,
  isIsoDate,
  mondayOf,
  openOn,
  peakLoad,
  placement,
  rangeFor,
  statusLabel,
  step,
  timeIn,
} from './calendar';
import type { SiteCalendar, SiteHours } from './types';

const weekdays: SiteHours = {
  siteId: 's1',
  timeZone: 'Europe/Zurich',
  days: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, opens: '08:00:00', closes: '18:00:00' })),
};

function calendar(partial: Partial<SiteCalendar> = {}): SiteCalendar {
  return {
    siteId: 's1',
    siteName: 'Main clinic',
    timeZone: 'Europe/Zurich',
    from: '2026-11-30',
    to: '2026-11-30',
    openingHours: 'Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Zurich)',
    closures: [],
    chairs: [],
    nurses: [],
    load: [],
    ...partial,
  };
}

describe('dates of the site', () => {
  it('takes only real dates from a date picker or an address', () => {
    expect(isIsoDate('2026-11-30')).toBe(true);
    expect(isIsoDate('2026-02-31')).toBe(false);
    expect(isIsoDate('30.11.2026')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('shows a week from Monday to Sunday and steps by a day or a week', () => {
    expect(mondayOf('2026-12-02')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(rangeFor('week', '2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(rangeFor('day', '2026-12-02')).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(step('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(step('week', '2026-12-02', -1)).toBe('2026-11-25');
    // a date is a date: the clocks going back in Zurich on 25 Oct change nothing
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('reads an instant on the site clock, not the browser one', () => {
    // 23:30 UTC on Monday is already Tuesday in Zurich, still Monday in New York
    expect(dateIn('2026-11-30T23:30:00Z', 'Europe/Zurich')).toBe('2026-12-01');
    expect(dateIn('2026-11-30T23:30:00Z', 'America/New_York')).toBe('2026-11-30');
    expect(timeIn('2026-11-30T08:15:00Z', 'Europe/Zurich')).toBe('09:15');
  });

  it('turns a wall-clock time at the site into the instant, summer and winter', () => {
    expect(instantAt('2026-11-30', '09:00', 'Europe/Zurich')).toBe('2026-11-30T08:00:00.000Z');
    expect(instantAt('2026-07-01', '09:00', 'Europe/Zurich')).toBe('2026-07-01T07:00:00.000Z');
    expect(instantAt('2026-11-30', '09:00', 'America/New_York')).toBe('2026-11-30T14:00:00.000Z');
    // the day the clocks go forward: 09:00 is already summer time
    expect(instantAt('2026-03-29', '09:00', 'Europe/Zurich')).toBe('2026-03-29T07:00:00.000Z');
    expect(instantAt('2026-03-29', '00:00', 'Europe/Zurich')).toBe('2026-03-28T23:00:00.000Z');
  });

  it('says a status as the front desk does', () => {
    expect(statusLabel({ status: 'checked-in' })).toBe('checked in');
    expect(statusLabel({ status: 'fulfilled' })).toBe('done');
    expect(statusLabel({ status: 'noshow' })).toBe('no-show');
    expect(statusLabel({ status: 'booked', onHold: true })).toBe('on hold');
  });
});

describe('what a day holds', () => {
  it('is open in the site hours unless the date is a closure or a closed weekday', () => {
    const closed = calendar({ closures: [{ date: '2026-12-02', reason: 'Staff training' }] });
    expect(openOn(weekdays, closed, '2026-11-30')).toEqual({ opens: '08:00', closes: '18:00' });
    expect(openOn(weekdays, closed, '2026-12-02')).toBeNull();
    expect(openOn(weekdays, closed, '2026-12-05')).toBeNull();
    expect(bookableHours(weekdays, closed, '2026-11-30')).toHaveLength(10);
    expect(bookableHours(weekdays, closed, '2026-11-30')[0]).toBe('08:00');
    expect(bookableHours(weekdays, closed, '2026-12-02')).toEqual([]);
  });

  it('shows the hours of the day widened to an early shift, on the site clock', () => {
    const early = calendar({
      nurses: [{ nurse: 'Nurse A', shifts: [{ start: '2026-11-30T06:00:00Z', end: '2026-11-30T16:00:00Z', chairsWatched: 2 }] }],
    });
    expect(hoursShown(early, weekdays, '2026-11-30')).toEqual({ first: 7, last: 18 });
  });

  it('places 09:00-10:50 in Zurich on an 08:00-18:00 day', () => {
    const place = placement({ start: '2026-11-30T08:00:00Z', end: '2026-11-30T09:50:00Z' }, '2026-11-30', 'Europe/Zurich', { first: 8, last: 18 });
    expect(place.left).toBeCloseTo(10, 5);
    expect(place.width).toBeCloseTo((110 / 600) * 100, 5);
  });

  it('names the busiest moment of a day against the nurses capacity, and says when it is full', () => {
    const busy = calendar({
      load: [
        { start: '2026-11-30T07:00:00Z', end: '2026-11-30T08:00:00Z', infusions: 1, capacity: 4 },
        { start: '2026-11-30T08:00:00Z', end: '2026-11-30T09:00:00Z', infusions: 2, capacity: 2 },
        { start: '2026-12-01T08:00:00Z', end: '2026-12-01T09:00:00Z', infusions: 1, capacity: 4 },
      ],
    });
    expect(peakLoad(busy, '2026-11-30')).toEqual({ infusions: 2, capacity: 2, full: true });
    expect(peakLoad(busy, '2026-12-01')).toEqual({ infusions: 1, capacity: 4, full: false });
    expect(peakLoad(busy, '2026-12-02')).toBeNull();
  });
});
