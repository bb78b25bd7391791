/** A patient's PHQ-9 series as intake reports it, and the lines a chart of it draws. */
export interface OutcomeTrend {
  instrument: string;
  points: { recordedAt: string; total: number; source: 'SCREENING' | 'SESSION' }[];
  baseline: number | null;
  latest: number | null;
  change: number | null;
  changePercent: number | null;
  response: boolean;
  remission: boolean | null;
  infusionsSinceBaseline: number;
  futility: boolean;
  responseDropPercent: number;
  remissionBelow: number | null;
}

/**
 * The reference lines: the baseline, the score at which the drop from baseline is a response (the service's
 * percentage), and the score below which a PHQ-9 is remission (the clinic's setting). Null where the series has none.
 */
export function referenceLines(trend: OutcomeTrend): { baseline: number | null; response: number | null; remission: number | null } {
  const baseline = trend.baseline;
  return {
    baseline,
    response: baseline === null ? null : (baseline * (100 - trend.responseDropPercent)) / 100,
    remission: trend.remissionBelow,
  };
}

/** The series as columns for the chart: seconds since the epoch, the scores, and each line as a constant series. */
export function chartData(trend: OutcomeTrend): (number | null)[][] {
  const lines = referenceLines(trend);
  const xs = trend.points.map((p) => new Date(p.recordedAt).getTime() / 1000);
  const constant = (value: number | null) => xs.map(() => value);
  return [xs, trend.points.map((p) => p.total), constant(lines.baseline), constant(lines.response), constant(lines.remission)];
}

/** A day in seconds: the least the chart's time axis spans. */
const DAY_SECONDS = 86_400;

/**
 * The time axis of the chart, from the first and last score: the series' own span, widened to a week around it when
 * it is shorter than a day (for a single point uPlot's own axis spans 1000 days, the score at its edge).
 */
export function timeRange(min: number, max: number): [number, number] {
  if (max - min >= DAY_SECONDS) {
    return [min, max];
  }
  const middle = (min + max) / 2;
  return [middle - 3.5 * DAY_SECONDS, middle + 3.5 * DAY_SECONDS];
}

/** The figures a clinician reads off the series, in words. */
export function trendWords(trend: OutcomeTrend): string[] {
  const words: string[] = [];
  if (trend.baseline === null) {
    return ['No baseline yet: the first screening sets it.'];
  }
  words.push('Baseline ' + trend.baseline + ', latest ' + trend.latest
    + (trend.changePercent === null ? '' : ' (' + (trend.changePercent > 0 ? '+' : '') + trend.changePercent + ' %)'));
  if (trend.response) words.push('Response: at least ' + trend.responseDropPercent + ' % below baseline.');
  if (trend.remission) words.push('Remission: below ' + trend.remissionBelow + '.');
  if (trend.futility) words.push('No response after ' + trend.infusionsSinceBaseline + ' infusions: for clinician review.');
  return words;
}
