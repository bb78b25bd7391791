import { HEIGHT, LEFT, MAIN, RIGHT, SPO2, WIDTH, chartModel, describeChart } from './chart';
import type { VitalsSeries } from './types';

/**
 * The session's vitals drawn over time against the monitoring thresholds (dashed), dose and end of infusion marked,
 * readings beyond a threshold as filled red points. An image with a description; the readings table beside it holds
 * every value as text.
 */
export function VitalsChart(props: { series: VitalsSeries; now: number; zone: string }) {
  const model = chartModel(props.series, props.now, props.zone);
  return (
    <figure class="vitals-chart" id="vitals-chart" data-readings={props.series.takenAt.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="vitals-chart-title vitals-chart-desc">
        <title id="vitals-chart-title">Vitals over the session</title>
        <desc id="vitals-chart-desc">{describeChart(props.series, props.zone)}</desc>
        <rect class="plot" x={LEFT} y={MAIN.top} width={WIDTH - LEFT - RIGHT} height={MAIN.height} />
        <rect class="plot" x={LEFT} y={SPO2.top} width={WIDTH - LEFT - RIGHT} height={SPO2.height} />
        {model.mainTicks.map((tick) => (
          <g key={'m' + tick.label} class="grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={tick.y} y2={tick.y} />
            <text x={LEFT - 6} y={tick.y + 4} text-anchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {model.spo2Ticks.map((tick) => (
          <g key={'s' + tick.label} class="grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={tick.y} y2={tick.y} />
            <text x={LEFT - 6} y={tick.y + 4} text-anchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {model.ticks.map((tick) => (
          <text key={tick.label} class="axis" x={tick.x} y={HEIGHT - 4} text-anchor="middle">
            {tick.label}
          </text>
        ))}
        <text class="axis" x={LEFT + 4} y={SPO2.top - 6}>
          SpO2 %
        </text>
        {model.markers.map((marker) => (
          <g key={marker.label} class="marker">
            <line x1={marker.x} x2={marker.x} y1={MAIN.top} y2={SPO2.top + SPO2.height} />
            <text x={marker.x + 4} y={MAIN.top + 12}>
              {marker.label}
            </text>
          </g>
        ))}
        {model.nowX !== null && (
          <line class="now" x1={model.nowX} x2={model.nowX} y1={MAIN.top} y2={SPO2.top + SPO2.height} />
        )}
        {model.thresholds.map((threshold) => (
          <line
            key={threshold.name}
            class={'threshold series-' + threshold.name}
            data-threshold={threshold.name}
            data-value={threshold.value}
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={threshold.y}
            y2={threshold.y}
          >
            <title>{threshold.label}</title>
          </line>
        ))}
        {model.lines.map((line) => (
          <g key={line.name} class={'series series-' + line.name} data-series={line.name}>
            {line.points.length > 1 && <polyline points={line.points.map((p) => `${p.x},${p.y}`).join(' ')} />}
            {line.points.map((point) => (
              <circle key={point.at} cx={point.x} cy={point.y} r={point.breach ? 5 : 3.5} class={point.breach ? 'breach' : undefined}>
                <title>{line.label + ' ' + point.value}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption class="legend">
        {model.thresholds.map((threshold) => (
          <span key={threshold.name} class={'legend-item series-' + threshold.name}>
            <span class="swatch" aria-hidden="true" />
            {model.lines.find((line) => line.name === threshold.name)?.label}: alert {threshold.direction} {threshold.value}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
