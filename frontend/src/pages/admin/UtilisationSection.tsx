import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { formatDay, zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { hhmm } from './forms';
import { addWeeks, chairHours, percent, weekWords } from './report';
import type { Site, Utilisation } from './types';
import { UtilisationChart } from './UtilisationChart';

/**
 * How the site's chairs were used in a week: chair-hours open, staffed and booked per day with the utilisation and
 * no-shows, as a chart and as a table with the same numbers. Without a week chosen, the current week on the site's
 * clock (the services say which).
 */
export function UtilisationSection(props: { site: Site }) {
  const { site } = props;
  const [week, setWeek] = useState<string | null>(null);
  const [report, setReport] = useState<Utilisation | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    adminApi.utilisation(site.id, week ?? undefined).then((found) => {
      setReport(found);
      setError(null);
    }, setError);
  }, [site.id, week]);
  const shown = report?.week ?? week ?? '';
  const zone = zoneLabel(site.timeZone);
  return (
    <section aria-labelledby="utilisation-heading">
      <h2 id="utilisation-heading">Utilisation at {site.name}</h2>
      <div class="toolbar">
        <button type="button" class="secondary" id="utilisation-previous" disabled={!shown} onClick={() => setWeek(addWeeks(shown, -1))}>
          Previous week
        </button>
        <div class="field">
          <label for="utilisation-week">Week</label>
          <input
            type="week"
            id="utilisation-week"
            value={shown}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              if (/^\d{4}-W\d{2}$/.test(value)) {
                setWeek(value);
              }
            }}
          />
        </div>
        <button type="button" class="secondary" id="utilisation-next" disabled={!shown} onClick={() => setWeek(addWeeks(shown, 1))}>
          Next week
        </button>
      </div>
      <ProblemView error={error} id="utilisation-error" />
      {report && (
        <>
          <p class="muted" id="utilisation-summary">
            {formatDay(report.from)} to {formatDay(report.to)}, days and hours on {zone} time ({report.timeZone}).{' '}
            {report.chairsInService} chair{report.chairsInService === 1 ? '' : 's'} in service. Booked counts every
            appointment holding a chair (no-shows too, cancellations not); staffed is the part of the open chair time a
            nurse on shift can watch.
          </p>
          <UtilisationChart report={report} />
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Chair-hours per day, scrollable">
            <table id="utilisation-table">
              <caption>
                Chair-hours at {report.siteName}, {weekWords(report.week)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Hours ({zone})</th>
                  <th scope="col">Open</th>
                  <th scope="col">Staffed</th>
                  <th scope="col">Booked</th>
                  <th scope="col">Utilisation</th>
                  <th scope="col">No-shows</th>
                </tr>
              </thead>
              <tbody>
                {report.days.map((day) => (
                  <tr key={day.date} data-date={day.date}>
                    <th scope="row">{formatDay(day.date)}</th>
                    <td>
                      {day.closure ? (
                        <>Closed: {day.closure}</>
                      ) : day.opens ? (
                        `${hhmm(day.opens)}–${hhmm(day.closes)}`
                      ) : (
                        <span class="muted">closed</span>
                      )}
                    </td>
                    <td>{chairHours(day.figures.openChairMinutes)}</td>
                    <td>{chairHours(day.figures.staffedChairMinutes)}</td>
                    <td>{chairHours(day.figures.bookedChairMinutes)}</td>
                    <td>{percent(day.figures.utilisationPercent)}</td>
                    <td>
                      {day.figures.noShows}
                      {day.figures.noShows > 0 && ` (${chairHours(day.figures.noShowChairMinutes)} h)`}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr id="utilisation-total">
                  <th scope="row">Week</th>
                  <td />
                  <td>{chairHours(report.total.openChairMinutes)}</td>
                  <td>{chairHours(report.total.staffedChairMinutes)}</td>
                  <td>{chairHours(report.total.bookedChairMinutes)}</td>
                  <td>{percent(report.total.utilisationPercent)}</td>
                  <td>
                    {report.total.noShows}
                    {report.total.noShows > 0 && ` (${chairHours(report.total.noShowChairMinutes)} h)`}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p class="muted">Open, staffed and booked in chair-hours: one chair for one hour.</p>
        </>
      )}
    </section>
  );
}
