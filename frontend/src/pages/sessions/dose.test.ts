import { describe, expect, it } from 'vitest';
import { calculateDose } from './dose';
import type { DoseLimits, DosePlan } from './types';

const iv: DosePlan = { route: 'IV', mgPerKg: 0.5, minMgPerKg: 0.1, maxMgPerKg: 1.0 };
const limits: DoseLimits = {
  planDeviationPercent: 5,
  ivInfusionShortestMinutes: 35,
  ivInfusionLongestMinutes: 60,
  preDoseSystolicAbove: 140,
  preDoseDiastolicAbove: 90,
};

describe('the dose calculator', () => {
  it('gives the planned dose, the doses allowed and the IV rates that fit, as the session service computes them', () => {
    const calc = calculateDose(iv, limits, 68.5, null, null)!;
    expect(calc.plannedMg).toBe(34.25);
    // 5 % of 34.25 is 1.7125, truncated to 1.71
    expect(calc.allowedMinMg).toBe(32.54);
    expect(calc.allowedMaxMg).toBe(35.96);
    expect(calc.doseMg).toBe(34.25);
    expect(calc.mgPerKg).toBe(0.5);
    // the service's refusal for this dose says "set 34.3–58.7 mg/h"
    expect(calc.rates).toEqual({ slowest: 34.3, fastest: 58.7 });
  });

  it('says how long the dose runs at the rate entered and whether that fits', () => {
    expect(calculateDose(iv, limits, 68.5, null, 51.38)!.atRate).toEqual({ minutes: 40, fits: true });
    expect(calculateDose(iv, limits, 68.5, null, 2000)!.atRate).toEqual({ minutes: 1, fits: false });
    expect(calculateDose(iv, limits, 68.5, null, 30)!.atRate).toEqual({ minutes: 68.5, fits: false });
  });

  it('rounds the planned dose half up to a hundredth of a mg without floating-point slips', () => {
    expect(calculateDose({ ...iv, mgPerKg: 0.35 }, limits, 70.1, null, null)!.plannedMg).toBe(24.54);
    expect(calculateDose({ ...iv, mgPerKg: 0.3 }, limits, 0.15 * 100, null, null)!.plannedMg).toBe(4.5);
  });

  it('takes the dose the nurse entered and flags one outside the plan', () => {
    const calc = calculateDose(iv, limits, 70, 40, null)!;
    expect(calc.doseMg).toBe(40);
    expect(calc.doseFits).toBe(false);
    expect(calculateDose(iv, limits, 70, 36, null)!.doseFits).toBe(true);
  });

  it('keeps the allowed doses inside the plan\'s mg/kg range', () => {
    const calc = calculateDose({ ...iv, mgPerKg: 1.0 }, limits, 50, null, null)!;
    expect(calc.plannedMg).toBe(50);
    expect(calc.allowedMaxMg).toBe(50);
  });

  it('has no rates for a route that is not infused', () => {
    expect(calculateDose({ ...iv, route: 'IM' }, limits, 70, null, null)!.rates).toBeNull();
  });

  it('waits for a weight', () => {
    expect(calculateDose(iv, limits, 0, null, null)).toBeNull();
    expect(calculateDose(iv, limits, Number.NaN, null, null)).toBeNull();
  });
});
