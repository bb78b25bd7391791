import { describe, expect, it } from 'vitest';
import { MAIN, SPO2, chartModel, describeChart, tickStep } from './chart';
import type { VitalsSeries } from './types';

const series: VitalsSeries = {
  takenAt: ['2026-11-30T08:40:00Z', '2026-11-30T09:00:00Z', '2026-11-30T09:10:00Z'],
  phase: ['PRE_DOSE', 'INFUSION', 'INFUSION'],
  systolic: [128, 150, 186],
  diastolic: [82, 90, 96],
  heartRate: [74, 80, 88],
  spo2: [98, 96, 91],
  respiratoryRate: [14, 14, 15],
  limits: { systolicAbove: 180, diastolicAbove: 110, heartRateAbove: 120, spo2Below: 92 },
  dosedAt: '2026-11-30T08:50:00Z',
  infusionEndedAt: null,
};

describe('the vitals chart', () => {
  const model = chartModel(series, Date.parse('2026-11-30T09:12:00Z'), 'Europe/Zurich');

  it('draws every reading in time order, left to right, inside its panel', () => {
    const systolic = model.lines.find((l) => l.name === 'systolic')!;
    expect(systolic.points.map((p) => p.value)).toEqual([128, 150, 186]);
    expect(systolic.points[0].x).toBeLessThan(systolic.points[1].x);
    for (const point of systolic.points) {
      expect(point.y).toBeGreaterThanOrEqual(MAIN.top);
      expect(point.y).toBeLessThanOrEqual(MAIN.top + MAIN.height);
    }
    for (const point of model.lines.find((l) => l.name === 'spo2')!.points) {
      expect(point.y).toBeGreaterThanOrEqual(SPO2.top);
    }
  });

  it('draws the thresholds the service gives and marks the readings beyond them', () => {
    expect(model.thresholds.map((t) => t.label)).toEqual([
      'Systolic above 180', 'Diastolic above 110', 'Heart rate above 120', 'SpO2 below 92',
    ]);
    const systolic = model.lines.find((l) => l.name === 'systolic')!;
    const limit = model.thresholds.find((t) => t.name === 'systolic')!;
    expect(systolic.points[2].y).toBeLessThan(limit.y);
    expect(systolic.points.map((p) => p.breach)).toEqual([false, false, true]);
    expect(model.lines.find((l) => l.name === 'spo2')!.points.map((p) => p.breach)).toEqual([false, false, true]);

    const stricter = chartModel({ ...series, limits: { ...series.limits, systolicAbove: 140 } }, Date.parse('2026-11-30T09:12:00Z'), 'Europe/Zurich');
    expect(stricter.lines[0].points.map((p) => p.breach)).toEqual([false, true, true]);
  });

  it('labels the time axis and the dose on the site clock', () => {
    expect(model.ticks.map((t) => t.label)).toEqual(['09:40', '09:50', '10:00', '10:10']);
    expect(model.markers.map((m) => m.label)).toEqual(['Dose 09:50']);
  });

  it('describes the chart in words', () => {
    expect(describeChart(series, 'Europe/Zurich')).toBe(
      '3 reading(s) from 09:40 to 10:10; latest 186/96 mmHg, heart rate 88/min, SpO2 91 %. '
        + 'Alert thresholds: systolic above 180, diastolic above 110 mmHg, heart rate above 120/min, SpO2 below 92 %.',
    );
  });

  it('keeps the time axis to about eight ticks', () => {
    expect(tickStep(40)).toBe(5);
    expect(tickStep(130)).toBe(30);
    expect(tickStep(400)).toBe(60);
  });
});
