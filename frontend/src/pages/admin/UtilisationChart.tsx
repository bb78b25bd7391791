import { formatDay } from '../../lib/time';
import { type Bar, barLabel, chairHours, chartLayout, percent, weekWords } from './report';
import type { Utilisation } from './types';

const LABELS: Record<Bar['kind'], string> = {
  open: 'Open',
  staffed: 'Staffed',
  booked: 'Booked',
  noshow: 'of which no-shows',
};

/**
 * The week as bars: per day open, staffed and booked chair-hours side by side, the no-shows' part over the booked bar.
 * Plain SVG (no script, no inline style: the page's Content-Security-Policy allows neither); its numbers are in the
 * table below it, which is what a screen reader is pointed to.
 */
export function UtilisationChart(props: { report: Utilisation }) {
  const { report } = props;
  const layout = chartLayout(report.days);
  const { plot } = layout;
  const y = (hours: number) => plot.top + plot.height - (hours / layout.maxHours) * plot.height;
  return (
    <figure class="chart" id="utilisation-chart">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby="utilisation-chart-title utilisation-chart-desc"
      >
        <title id="utilisation-chart-title">
          Chair-hours open, staffed and booked per day at {report.siteName}, {weekWords(report.week)}
        </title>
        <desc id="utilisation-chart-desc">
          Week total: {chairHours(report.total.openChairMinutes)} open, {chairHours(report.total.staffedChairMinutes)}{' '}
          staffed, {chairHours(report.total.bookedChairMinutes)} booked chair-hours ({percent(report.total.utilisationPercent)}),{' '}
          {report.total.noShows} no-show{report.total.noShows === 1 ? '' : 's'}. The table below has every day's figures.
        </desc>
        {layout.ticks.map((tick) => (
          <g key={tick} class="chart-grid">
            <line x1={plot.left} x2={plot.left + plot.width} y1={y(tick)} y2={y(tick)} />
            <text x={plot.left - 6} y={y(tick) + 4} text-anchor="end">
              {tick}
            </text>
          </g>
        ))}
        <text class="chart-axis" x={12} y={plot.top + plot.height / 2} transform={`rotate(-90 12 ${plot.top + plot.height / 2})`} text-anchor="middle">
          chair-hours
        </text>
        {layout.days.map((day) => (
          <g key={day.date} class="chart-day" data-date={day.date}>
            {day.bars
              .filter((bar) => bar.height > 0)
              .map((bar) => (
                <rect key={bar.kind} class={'bar-' + bar.kind} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
                  <title>
                    {formatDay(day.date)}: {LABELS[bar.kind].toLowerCase()} {chairHours(bar.minutes)} chair-hours
                  </title>
                </rect>
              ))}
            <text class="chart-label" x={day.centre} y={plot.top + plot.height + 18} text-anchor="middle">
              {barLabel(formatDay(day.date))}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {(Object.keys(LABELS) as Bar['kind'][]).map((kind) => (
            <li key={kind}>
              <span class={'swatch bar-' + kind} aria-hidden="true" /> {LABELS[kind]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
