import { describe, expect, it } from 'vitest';
import { addWeeks, barLabel, chairHours, chartLayout, mondayOf, niceStep, percent, weekOf, weekWords } from './report';
import type { UtilisationDay } from './types';

describe('ISO weeks', () => {
  it('names a week and a bar\'s day in words, the month whole', () => {
    expect(weekWords('2026-W48')).toBe('week 48 of 2026');
    expect(weekWords('2027-W01')).toBe('week 1 of 2027');
    expect(barLabel('Mon, 23 Nov 2026')).toBe('Mon, 23 Nov');
    expect(barLabel('Wed, 2 Sept 2026')).toBe('Wed, 2 Sept');
  });

  it('finds the week of a date, at the turn of the year too', () => {
    expect(weekOf('2026-11-23')).toBe('2026-W48');
    expect(weekOf('2026-11-29')).toBe('2026-W48');
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(weekOf('2024-12-30')).toBe('2025-W01');
  });

  it('finds the Monday of a week and moves by weeks', () => {
    expect(mondayOf('2026-W48')).toBe('2026-11-23');
    expect(mondayOf('2025-W01')).toBe('2024-12-30');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
  });
});

describe('the figures', () => {
  it('shows chair-minutes as chair-hours and a missing percentage as a dash', () => {
    expect(chairHours(330)).toBe('5.5');
    expect(chairHours(110)).toBe('1.8');
    expect(percent(6.9)).toBe('6.9 %');
    expect(percent(null)).toBe('—');
  });
});

function day(date: string, open: number, staffed: number, booked: number, noShow = 0): UtilisationDay {
  return {
    date,
    open: open > 0,
    opens: '08:00',
    closes: '18:00',
    closure: null,
    figures: {
      openChairMinutes: open,
      staffedChairMinutes: staffed,
      bookedChairMinutes: booked,
      noShowChairMinutes: noShow,
      utilisationPercent: null,
      appointments: 0,
      noShows: noShow > 0 ? 1 : 0,
    },
  };
}

describe('the chart', () => {
  it('scales to the largest figure rounded up to a gridline', () => {
    expect(niceStep(20)).toBe(5);
    expect(niceStep(80)).toBe(20);
    const layout = chartLayout([day('2026-11-23', 1200, 1200, 220, 110), day('2026-11-24', 0, 0, 0)]);
    expect(layout.maxHours).toBe(20);
    expect(layout.ticks).toEqual([0, 5, 10, 15, 20]);
  });

  it('draws open, staffed and booked side by side, bars as tall as their hours, the no-show part over booked', () => {
    const layout = chartLayout([day('2026-11-23', 1200, 600, 300, 120)], 720, 260);
    const [open, staffed, booked, noShow] = layout.days[0].bars;
    expect(open.height).toBeCloseTo(layout.plot.height, 5);
    expect(staffed.height).toBeCloseTo(layout.plot.height / 2, 5);
    expect(booked.height).toBeCloseTo(layout.plot.height / 4, 5);
    expect(noShow.x).toBe(booked.x);
    expect(noShow.height).toBeCloseTo(layout.plot.height / 10, 5);
    expect(staffed.x).toBeGreaterThan(open.x);
    expect(booked.y + booked.height).toBeCloseTo(layout.plot.top + layout.plot.height, 5);
  });
});
