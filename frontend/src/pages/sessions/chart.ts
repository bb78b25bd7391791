import { formatTime } from '../../lib/time';
import type { VitalsSeries } from './types';

/**
 * The vitals chart's drawing: the session's readings over time against the monitoring thresholds the service gives
 * (never thresholds of the page's own). Two panels on one time axis: blood pressure and heart rate above, SpO2 below.
 * Pure geometry in SVG units; the component only draws it.
 */

export const WIDTH = 720;
export const MAIN = { top: 12, height: 190 };
export const SPO2 = { top: 236, height: 70 };
export const HEIGHT = 330;
export const LEFT = 44;
export const RIGHT = 16;

export type SeriesName = 'systolic' | 'diastolic' | 'heartRate' | 'spo2';

export interface Point {
  x: number;
  y: number;
  value: number;
  at: string;
  /** Beyond the series' threshold. */
  breach: boolean;
}

export interface Line {
  name: SeriesName;
  label: string;
  points: Point[];
}

export interface Threshold {
  name: SeriesName;
  /** "Systolic above 180". */
  label: string;
  direction: 'above' | 'below';
  value: number;
  y: number;
}

export interface ChartModel {
  lines: Line[];
  thresholds: Threshold[];
  ticks: { x: number; label: string }[];
  mainTicks: { y: number; label: string }[];
  spo2Ticks: { y: number; label: string }[];
  markers: { x: number; label: string }[];
  nowX: number | null;
}

const MINUTE = 60_000;

function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value: number) => r0 + ((value - d0) / (d1 - d0 || 1)) * (r1 - r0);
}

/** A tick step in minutes that gives at most about eight ticks over {@code span} minutes. */
export function tickStep(spanMinutes: number): number {
  return [5, 10, 15, 30, 60, 120].find((step) => spanMinutes / step <= 8) ?? 240;
}

function threshold(name: SeriesName, label: string, direction: 'above' | 'below', value: number, y: (v: number) => number): Threshold {
  return { name, label: label + ' ' + direction + ' ' + value, direction, value, y: y(value) };
}

export function chartModel(series: VitalsSeries, now: number, zone: string): ChartModel {
  const times = series.takenAt.map((t) => Date.parse(t));
  const marks = [series.dosedAt, series.infusionEndedAt].filter((t): t is string => !!t).map(Date.parse);
  const known = [...times, ...marks];
  const first = known.length ? Math.min(...known) : now - 30 * MINUTE;
  const last = Math.max(now, ...known);
  const t0 = first - 5 * MINUTE;
  const t1 = Math.max(last + 5 * MINUTE, t0 + 30 * MINUTE);
  const x = scale([t0, t1], [LEFT, WIDTH - RIGHT]);

  const { limits } = series;
  const mainValues = [...series.systolic, ...series.diastolic, ...series.heartRate];
  const mainMax = Math.ceil(Math.max(200, limits.systolicAbove + 20, ...mainValues.map((v) => v + 10)) / 20) * 20;
  const mainMin = Math.floor(Math.min(40, ...mainValues.map((v) => v - 10)) / 20) * 20;
  const yMain = scale([mainMin, mainMax], [MAIN.top + MAIN.height, MAIN.top]);
  const spo2Min = Math.floor(Math.min(85, limits.spo2Below - 5, ...series.spo2.map((v) => v - 2)) / 5) * 5;
  const ySpo2 = scale([spo2Min, 100], [SPO2.top + SPO2.height, SPO2.top]);

  const line = (name: SeriesName, label: string, values: number[], y: (v: number) => number, breach: (v: number) => boolean): Line => ({
    name,
    label,
    points: values.map((value, i) => ({ x: x(times[i]), y: y(value), value, at: series.takenAt[i], breach: breach(value) })),
  });

  const step = tickStep((t1 - t0) / MINUTE) * MINUTE;
  const ticks = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    ticks.push({ x: x(t), label: formatTime(new Date(t), zone) });
  }
  const mainTicks = [];
  for (let v = mainMin; v <= mainMax; v += 40) {
    mainTicks.push({ y: yMain(v), label: String(v) });
  }
  const spo2Ticks = [spo2Min, Math.round((spo2Min + 100) / 2), 100].map((v) => ({ y: ySpo2(v), label: String(v) }));

  return {
    lines: [
      line('systolic', 'Systolic', series.systolic, yMain, (v) => v > limits.systolicAbove),
      line('diastolic', 'Diastolic', series.diastolic, yMain, (v) => v > limits.diastolicAbove),
      line('heartRate', 'Heart rate', series.heartRate, yMain, (v) => v > limits.heartRateAbove),
      line('spo2', 'SpO2', series.spo2, ySpo2, (v) => v < limits.spo2Below),
    ],
    thresholds: [
      threshold('systolic', 'Systolic', 'above', limits.systolicAbove, yMain),
      threshold('diastolic', 'Diastolic', 'above', limits.diastolicAbove, yMain),
      threshold('heartRate', 'Heart rate', 'above', limits.heartRateAbove, yMain),
      threshold('spo2', 'SpO2', 'below', limits.spo2Below, ySpo2),
    ],
    ticks,
    mainTicks,
    spo2Ticks,
    markers: [
      ...(series.dosedAt ? [{ x: x(Date.parse(series.dosedAt)), label: 'Dose ' + formatTime(series.dosedAt, zone) }] : []),
      ...(series.infusionEndedAt
        ? [{ x: x(Date.parse(series.infusionEndedAt)), label: 'Infusion ended ' + formatTime(series.infusionEndedAt, zone) }]
        : []),
    ],
    nowX: now >= t0 && now <= t1 ? x(now) : null,
  };
}

/** The chart in a sentence, for those who cannot see it. */
export function describeChart(series: VitalsSeries, zone: string): string {
  const n = series.takenAt.length;
  const { limits } = series;
  const thresholds = `Alert thresholds: systolic above ${limits.systolicAbove}, diastolic above ${limits.diastolicAbove} mmHg, `
    + `heart rate above ${limits.heartRateAbove}/min, SpO2 below ${limits.spo2Below} %.`;
  if (n === 0) {
    return 'No vitals readings yet. ' + thresholds;
  }
  const i = n - 1;
  return `${n} reading(s) from ${formatTime(series.takenAt[0], zone)} to ${formatTime(series.takenAt[i], zone)}; latest `
    + `${series.systolic[i]}/${series.diastolic[i]} mmHg, heart rate ${series.heartRate[i]}/min, SpO2 ${series.spo2[i]} %. `
    + thresholds;
}
