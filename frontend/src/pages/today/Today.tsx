import { useCallback, useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { chooseSite } from '../../lib/site';
import { SitePicker } from '../../components/SitePicker';
import { type Me, hasAnyRole } from '../../lib/me';
import { elapsed, formatDay, formatTime, zoneLabel } from '../../lib/time';
import { type CalendarView, type DayEntry, boardHours, placement, stateOf } from './board';

interface Site {
  id: string;
  name: string;
  timeZone: string;
}

interface DayPage {
  appointments: DayEntry[];
  total: number;
}

/** How often the board asks again: another user's check-in or reading shows within this. */
export const REFRESH_MS = 5000;

/**
 * Today at one site: every chair a row over the day's hours, each booking with the patient, which infusion of the
 * course it is, where it stands and for how long, readings due or overdue and alerts waiting for an action. It reads
 * scheduling's calendar (chairs and bookings) and the session service's day (records) again every few seconds.
 */
export function Today(props: { me: Me; siteFromUrl: string | null }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [siteId, setSiteId] = useState<string | null>(props.siteFromUrl);
  const [calendar, setCalendar] = useState<CalendarView | null>(null);
  const [day, setDay] = useState<Map<string, DayEntry>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(new Date());
  const seesRecords = hasAnyRole(props.me, 'nurse', 'clinician', 'admin');

  useEffect(() => {
    api<Site[]>('GET', '/api/scheduling/sites').then((found) => {
      setSites(found);
      setSiteId((current) => chooseSite(found, current));
    }, setError);
  }, []);

  const refresh = useCallback(async () => {
    if (!siteId) {
      return;
    }
    try {
      const board = await api<CalendarView>('GET', '/api/scheduling/calendar?siteId=' + encodeURIComponent(siteId));
      setCalendar(board);
      if (seesRecords) {
        const page = await api<DayPage>('GET',
          '/api/session/appointments?size=200&site=' + encodeURIComponent(siteId) + '&date=' + board.from);
        setDay(new Map(page.appointments.map((entry) => [entry.appointmentId, entry])));
      }
      setNow(new Date());
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [siteId, seesRecords]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return (
    <>
      <p class="toolbar">
        <SitePicker id="today-site" sites={sites} value={siteId} onPick={setSiteId} />
        {calendar && (
          <span id="today-date" class="muted">
            {formatDay(calendar.from)} · times in {zoneLabel(calendar.timeZone)}
          </span>
        )}
      </p>
      <ProblemView error={error} id="today-error" />
      {calendar && <Board calendar={calendar} day={day} now={now} chartLinks={seesRecords} />}
    </>
  );
}

/** {@code chartLinks}: each booking links to its session chart (for the roles that read session records). */
function Board(props: { calendar: CalendarView; day: Map<string, DayEntry>; now: Date; chartLinks: boolean }) {
  const { calendar, day, now } = props;
  const zone = calendar.timeZone;
  const hours = boardHours(calendar);
  const ticks = Array.from({ length: hours.last - hours.first }, (_, i) => hours.first + i);
  const chairs = calendar.chairs.filter((chair) => chair.active || chair.appointments.length > 0);
  return (
    <div class="board" id="today-board" role="table" aria-label={'Chairs at ' + calendar.siteName}>
      <div class="board-row board-head" role="row">
        <div class="board-chair" role="columnheader">
          Chair
        </div>
        <div class="board-lane" role="columnheader">
          {ticks.map((hour) => (
            <span key={hour} class="board-tick" style={{ left: ((hour - hours.first) / ticks.length) * 100 + '%' }}>
              {String(hour).padStart(2, '0')}:00
            </span>
          ))}
        </div>
      </div>
      {chairs.map((chair) => (
        <div class="board-row" role="row" key={chair.id} data-chair-id={chair.id}>
          <div class="board-chair" role="rowheader">
            {chair.name}
            {chair.room && <span class="muted"> · {chair.room}</span>}
          </div>
          <div class="board-lane" role="cell">
            {chair.appointments
              .filter((a) => a.status !== 'cancelled')
              .map((appointment) => {
                const entry = day.get(appointment.id);
                const { state, since } = stateOf(appointment, entry);
                const place = placement(appointment, zone, hours);
                const progress = entry?.progress;
                return (
                  <div
                    key={appointment.id}
                    class={'booking state-' + state.replace(/ /g, '-')}
                    data-appointment-id={appointment.id}
                    data-state={state}
                    style={{ left: place.left + '%', width: place.width + '%' }}
                  >
                    <strong class="booking-patient">
                      {props.chartLinks ? (
                        <a class="booking-link" href={'/sessions.html?appointment=' + encodeURIComponent(appointment.id)}>
                          {entry?.patientName ?? appointment.patientName ?? 'Patient'}
                        </a>
                      ) : (
                        (entry?.patientName ?? appointment.patientName ?? 'Patient')
                      )}
                    </strong>
                    <span class="booking-when">
                      {formatTime(appointment.start, zone)}–{formatTime(appointment.end, zone)}
                    </span>
                    <span class="booking-position">
                      {entry?.position ?? (appointment.kind === 'BOOSTER' ? 'Booster ' : 'Infusion ') + appointment.sequence}
                    </span>
                    <span class="booking-state">
                      {state}
                      {since && ' · ' + elapsed(since, now)}
                    </span>
                    {entry?.dosingPaused && <span class="warning booking-flag">dosing paused</span>}
                    {progress && progress.readingsOverdue > 0 && (
                      <span class="warning booking-flag">{progress.readingsOverdue} reading(s) overdue</span>
                    )}
                    {progress && progress.readingsDue > 0 && (
                      <span class="booking-flag">{progress.readingsDue} reading(s) due</span>
                    )}
                    {progress && progress.openAlerts > 0 && (
                      <span class="warning booking-flag">{progress.openAlerts} alert(s) to answer</span>
                    )}
                  </div>
                );
              })}
          </div>
        </div>
      ))}
      {chairs.length === 0 && <p class="muted">This site has no chairs in service.</p>}
    </div>
  );
}
