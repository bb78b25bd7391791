import type { DoseLimits, DosePlan } from './types';

/**
 * The dose calculator at the chair, with the limits the session service gives (the plan's mg/kg and range, the
 * clinic's allowed deviation from the plan and how long an IV dose may run). It does the service's maths in the same
 * way (hundredths of a mg half up, rates to a tenth of a mg/h), in whole numbers so that no floating-point rounding
 * shows; the service checks the dose again and has the last word.
 */
export interface DoseCalculation {
  /** The plan's mg/kg × the weight. */
  plannedMg: number;
  /** The doses the service takes: within the allowed deviation from the planned dose and the plan's range. */
  allowedMinMg: number;
  allowedMaxMg: number;
  /** The dose that will be recorded: the one entered, else the planned dose. */
  doseMg: number;
  /** That dose per kg, to four decimals. */
  mgPerKg: number;
  /** Whether the dose lies in the allowed band. */
  doseFits: boolean;
  /** For an IV dose: the rates at which it runs as long as the clinic's IV infusion. */
  rates: { slowest: number; fastest: number } | null;
  /** For an IV dose and a rate entered: how long it runs at that rate, and whether that fits. */
  atRate: { minutes: number; fits: boolean } | null;
}

const hundredths = (value: number) => Math.round(value * 100);

/** Half up to whole units of a scaled whole number divided by {@code by} (both positive). */
const divideHalfUp = (value: number, by: number) => Math.floor((2 * value + by) / (2 * by));

export function calculateDose(
  plan: DosePlan,
  limits: DoseLimits,
  weightKg: number,
  enteredDoseMg: number | null,
  rateMgPerHour: number | null,
): DoseCalculation | null {
  if (!(weightKg > 0)) {
    return null;
  }
  const weight = hundredths(weightKg);
  const perKg = Math.round(plan.mgPerKg * 10_000);
  const planned = divideHalfUp(perKg * weight, 10_000);
  const deviation = Math.floor((planned * Math.round(limits.planDeviationPercent * 100)) / 10_000);
  let low = planned - deviation;
  let high = planned + deviation;
  if (plan.minMgPerKg !== null && plan.maxMgPerKg !== null) {
    low = Math.max(low, Math.ceil((Math.round(plan.minMgPerKg * 10_000) * weight) / 10_000));
    high = Math.min(high, Math.floor((Math.round(plan.maxMgPerKg * 10_000) * weight) / 10_000));
  }
  const dose = enteredDoseMg !== null && enteredDoseMg > 0 ? hundredths(enteredDoseMg) : planned;
  const result: DoseCalculation = {
    plannedMg: planned / 100,
    allowedMinMg: low / 100,
    allowedMaxMg: high / 100,
    doseMg: dose / 100,
    mgPerKg: divideHalfUp(dose * 10_000, weight) / 10_000,
    doseFits: dose >= low && dose <= high,
    rates: null,
    atRate: null,
  };
  if (plan.route === 'IV') {
    const shortest = limits.ivInfusionShortestMinutes;
    const longest = limits.ivInfusionLongestMinutes;
    result.rates = { slowest: Math.ceil((dose * 6) / longest) / 10, fastest: Math.floor((dose * 6) / shortest) / 10 };
    if (rateMgPerHour !== null && rateMgPerHour > 0) {
      const minutes = divideHalfUp(dose * 600, hundredths(rateMgPerHour)) / 10;
      result.atRate = { minutes, fits: minutes >= shortest && minutes <= longest };
    }
  }
  return result;
}

/** "34.25" for a mg amount, "0.5" for a plain number. */
export function mg(value: number): string {
  return value.toFixed(2);
}

export function plain(value: number): string {
  return String(Number(value.toFixed(4)));
}
