import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { type OutcomeTrend, chartData, referenceLines, timeRange, trendWords } from './outcomes';

/**
 * PHQ-9 over the course: the scores with the baseline, the response line (the service's percentage below baseline)
 * and the remission line (the clinic's setting), on the clinic's clock; the same figures as a table for reading.
 */
export function Outcomes(props: { trend: OutcomeTrend | null; zone: string }) {
  const { trend, zone } = props;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!trend || !box.current || trend.points.length === 0) return undefined;
    const lines = referenceLines(trend);
    const top = Math.max(...trend.points.map((p) => p.total), lines.baseline ?? 0) + 3;
    const data = chartData(trend);
    const times = data[0] as number[];
    let chart: uPlot | undefined;
    try {
      chart = new uPlot({
        width: Math.max(320, Math.min(900, box.current.clientWidth || 700)),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone),
        scales: { x: { time: true, range: () => timeRange(times[0], times[times.length - 1]) }, y: { range: [0, top] } },
        // the legend names the lines; the figures are in the table below (live values read "--" without a pointer)
        legend: { live: false },
        series: [
          {},
          { label: trend.instrument, stroke: '#1f5f8b', width: 2, points: { show: true, size: 7 } },
          { label: 'Baseline', stroke: '#5b6675', dash: [6, 4] },
          { label: trend.responseDropPercent + ' % response', stroke: '#1e6b3a', dash: [4, 4] },
          { label: 'Remission (below ' + (lines.remission ?? '–') + ')', stroke: '#a07800', dash: [2, 4] },
        ],
        axes: [{}, { label: trend.instrument }],
      }, data as uPlot.AlignedData, box.current);
    } catch {
      chart = undefined; // no canvas (a test's DOM): the table below carries the same figures
    }
    return () => chart?.destroy();
  }, [trend, zone]);

  return (
    <section aria-labelledby="outcomes-heading" id="outcomes">
      <h2 id="outcomes-heading">Outcomes: PHQ-9</h2>
      {!trend && <p class="muted">Loading…</p>}
      {trend && trend.points.length === 0 && <p class="muted">No PHQ-9 score yet.</p>}
      {trend && trend.points.length > 0 && (
        <>
          <ul class="trend-words" id="outcome-summary">
            {trendWords(trend).map((w) => <li key={w}>{w}</li>)}
          </ul>
          <div class="chart" id="outcome-chart" ref={box} role="img"
            aria-label={'PHQ-9 over time: ' + trend.points.map((p) => p.total).join(', ')} />
          <table id="outcome-table">
            <caption class="muted">Times in {zoneLabel(zone)}</caption>
            <thead><tr><th>When</th><th>PHQ-9</th><th>Taken at</th></tr></thead>
            <tbody>
              {trend.points.map((p) => (
                <tr key={p.recordedAt + p.source}>
                  <td>{formatDateTime(p.recordedAt, zone)}</td>
                  <td>{p.total}</td>
                  <td>{p.source === 'SCREENING' ? 'screening' : 'session check-in'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
