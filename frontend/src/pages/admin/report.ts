import type { UtilisationDay } from './types';

/** The ISO week ("2026-W48") a calendar date lies in. */
export function weekOf(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  const weekday = d.getUTCDay() || 7;
  // the week's Thursday decides its year
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const year = d.getUTCFullYear();
  const january1 = new Date(Date.UTC(year, 0, 1));
  const week = Math.floor((d.getTime() - january1.getTime()) / 86400000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** An ISO week as staff read it: "week 48 of 2026" for "2026-W48" (anything else as it is). */
export function weekWords(week: string): string {
  const match = week.match(/^(\d{4})-W(\d{2})$/);
  return match ? 'week ' + Number(match[2]) + ' of ' + match[1] : week;
}

/** A day under the chart's bars: "Mon, 23 Nov" from "Mon, 23 Nov 2026" (the week's dates are above the chart). */
export function barLabel(day: string): string {
  return day.replace(/ \d{4}$/, '');
}

/** The Monday ("2026-11-23") of an ISO week ("2026-W48"). */
export function mondayOf(week: string): string {
  const match = week.match(/^(\d{4})-W(\d{2})$/);
  if (!match) {
    throw new Error(`${week} is no ISO week`);
  }
  const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(match[2]) - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/** The week {@code weeks} after (or before) the one given. */
export function addWeeks(week: string, weeks: number): string {
  const monday = new Date(mondayOf(week) + 'T00:00:00Z');
  monday.setUTCDate(monday.getUTCDate() + weeks * 7);
  return weekOf(monday.toISOString().slice(0, 10));
}

/** Chair-minutes as chair-hours with one decimal: 330 → "5.5". */
export function chairHours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** "6.9 %", or a dash when nothing was open. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)} %`;
}

/** One bar of the chart, in the chart's own units (x from the left, y from the top). */
export interface Bar {
  kind: 'open' | 'staffed' | 'booked' | 'noshow';
  x: number;
  y: number;
  width: number;
  height: number;
  minutes: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The top of the scale, in chair-hours, and its gridlines. */
  maxHours: number;
  ticks: number[];
  plot: { left: number; top: number; width: number; height: number };
  days: { date: string; centre: number; bars: Bar[] }[];
}

/** A step of 1, 2 or 5 × 10ⁿ chair-hours that gives about four gridlines up to {@code max}. */
export function niceStep(max: number): number {
  const rough = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  return step ?? 10 * magnitude;
}

/**
 * The chart of a week: per day three bars side by side (open, staffed, booked chair-hours) and, over the booked bar,
 * the part held by no-shows; the scale runs from 0 to the largest figure rounded up to a gridline.
 */
export function chartLayout(days: UtilisationDay[], width = 720, height = 260): ChartLayout {
  const plot = { left: 48, top: 12, width: width - 60, height: height - 48 };
  const largest = Math.max(
    0,
    ...days.flatMap((d) => [d.figures.openChairMinutes, d.figures.staffedChairMinutes, d.figures.bookedChairMinutes]),
  );
  const step = niceStep(largest / 60);
  const maxHours = Math.max(step, Math.ceil(largest / 60 / step) * step);
  const ticks = Array.from({ length: Math.round(maxHours / step) + 1 }, (_, i) => i * step);
  const band = plot.width / Math.max(days.length, 1);
  const barWidth = band / 4.5;
  const y = (minutes: number) => plot.top + plot.height - (minutes / 60 / maxHours) * plot.height;
  const bar = (kind: Bar['kind'], x: number, minutes: number): Bar => ({
    kind,
    x,
    y: y(minutes),
    width: barWidth,
    height: plot.top + plot.height - y(minutes),
    minutes,
  });
  return {
    width,
    height,
    maxHours,
    ticks,
    plot,
    days: days.map((day, i) => {
      const left = plot.left + i * band + (band - 3 * barWidth) / 2;
      const f = day.figures;
      return {
        date: day.date,
        centre: plot.left + i * band + band / 2,
        bars: [
          bar('open', left, f.openChairMinutes),
          bar('staffed', left + barWidth, f.staffedChairMinutes),
          bar('booked', left + 2 * barWidth, f.bookedChairMinutes),
          bar('noshow', left + 2 * barWidth, f.noShowChairMinutes),
        ],
      };
    }),
  };
}
