import { describe, expect, it } from 'vitest';
import { type OutcomeTrend, chartData, referenceLines, timeRange, trendWords } from './outcomes';

const trend: OutcomeTrend = {
  instrument: 'PHQ-9',
  points: [
    { recordedAt: '2026-03-02T08:00:00Z', total: 20, source: 'SCREENING' },
    { recordedAt: '2026-03-09T08:00:00Z', total: 9, source: 'SESSION' },
  ],
  baseline: 20, latest: 9, change: -11, changePercent: -55, response: true, remission: false,
  infusionsSinceBaseline: 1, futility: false, responseDropPercent: 50, remissionBelow: 5,
};

describe('the outcome chart', () => {
  it('spans a week around a single score and the series itself once it covers a day or more', () => {
    const at = Date.parse('2026-11-29T16:07:00Z') / 1000;
    expect(timeRange(at, at)).toEqual([at - 3.5 * 86_400, at + 3.5 * 86_400]);
    expect(timeRange(at, at + 7 * 86_400)).toEqual([at, at + 7 * 86_400]);
  });

  it("draws the baseline, the response line at the service's percentage and the remission line", () => {
    expect(referenceLines(trend)).toEqual({ baseline: 20, response: 10, remission: 5 });
    expect(referenceLines({ ...trend, baseline: null })).toEqual({ baseline: null, response: null, remission: 5 });
  });

  it('gives the chart columns in seconds with each line constant', () => {
    expect(chartData(trend)).toEqual([
      [Date.parse('2026-03-02T08:00:00Z') / 1000, Date.parse('2026-03-09T08:00:00Z') / 1000],
      [20, 9], [20, 20], [10, 10], [5, 5],
    ]);
  });

  it('says what the series means', () => {
    expect(trendWords(trend)).toEqual(['Baseline 20, latest 9 (-55 %)', 'Response: at least 50 % below baseline.']);
    expect(trendWords({ ...trend, baseline: null })).toEqual(['No baseline yet: the first screening sets it.']);
  });
});
