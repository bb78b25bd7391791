import { formatDay, formatTime } from '../../lib/time';
import {
  appointmentsOn,
  bookableHours,
  closureOn,
  dateIn,
  datesBetween,
  hoursShown,
  instantAt,
  loadOn,
  openOn,
  peakLoad,
  placement,
  shiftsOn,
  statusLabel,
} from './calendar';
import type { Plan } from './CoursePlanner';
import { verdictText } from './CoursePlanner';
import type { CalendarAppointment, CalendarChair, SiteCalendar, SiteHours } from './types';

export interface GridProps {
  calendar: SiteCalendar;
  hours: SiteHours | null;
  date: string;
  canBook: boolean;
  /** Today on the services' clock: no booking is offered on a day before it. */
  today: string | null;
  plan: Plan | null;
  selected: string | null;
  onPick: (appointment: CalendarAppointment) => void;
  onFree: (chair: CalendarChair, date: string, time: string) => void;
  onDay: (date: string) => void;
}

function shortDay(date: string): string {
  return formatDay(date).replace(/ \d{4}$/, '');
}

function stateClass(appointment: CalendarAppointment): string {
  return 'state-' + statusLabel(appointment).replace(/ /g, '-');
}

function plusHour(time: string): string {
  const hour = Number(time.slice(0, 2)) + 1;
  return hour >= 24 ? '23:59' : String(hour).padStart(2, '0') + ':00';
}

/** A day before today on the services' clock: nothing can be booked on it any more. */
function isPast(date: string, today: string | null): boolean {
  return today !== null && date < today;
}

/** The chairs that show: those in service, and one out of service while it still holds appointments. */
function chairsShown(calendar: SiteCalendar): CalendarChair[] {
  return calendar.chairs.filter((c) => c.active || c.appointments.some((a) => a.status !== 'cancelled'));
}

/**
 * One day at the site: every chair a row over the day's hours with its bookings, the proposed course's occurrences
 * and (for the front desk) a button per open hour to book from; then each nurse's shift and the load against the
 * chairs the nurses on shift may watch.
 */
export function DayGrid(props: GridProps) {
  const { calendar, hours, date } = props;
  const zone = calendar.timeZone;
  const shown = hoursShown(calendar, hours, date);
  const ticks = Array.from({ length: shown.last - shown.first }, (_, i) => shown.first + i);
  const bookable = props.canBook && !isPast(date, props.today) ? bookableHours(hours, calendar, date) : [];
  const open = openOn(hours, calendar, date);
  const proposals = props.plan?.draft.filter((o) => dateIn(o.start, zone) === date) ?? [];
  const place = (span: { start: string; end: string }) => {
    const p = placement(span, date, zone, shown);
    return { left: p.left + '%', width: p.width + '%' };
  };
  const dayBounds = (from: string, to: string) => ({ start: instantAt(date, from, zone), end: instantAt(date, to, zone) });
  const first = String(shown.first).padStart(2, '0') + ':00';
  const last = shown.last >= 24 ? '23:59' : String(shown.last).padStart(2, '0') + ':00';
  const shifts = shiftsOn(calendar, date);
  const nurses = [...new Set(shifts.map((s) => s.nurse))];
  return (
    <div class="board cal-day" id="calendar-grid" data-view="day" data-date={date} role="table"
      aria-label={'Chairs at ' + calendar.siteName + ' on ' + formatDay(date)}>
      <div class="board-row board-head" role="row">
        <div class="board-chair" role="columnheader">
          Chair
        </div>
        <div class="board-lane" role="columnheader">
          {ticks.map((hour) => (
            <span key={hour} class="board-tick" style={{ left: ((hour - shown.first) / ticks.length) * 100 + '%' }}>
              {String(hour).padStart(2, '0')}:00
            </span>
          ))}
        </div>
      </div>
      {chairsShown(calendar).map((chair) => (
        <div class="board-row" role="row" key={chair.id} data-chair-id={chair.id}>
          <div class="board-chair" role="rowheader">
            {chair.name}
            {chair.room && <span class="muted"> · {chair.room}</span>}
            {!chair.active && <span class="warning"> · out of service</span>}
          </div>
          <div class="board-lane" role="cell">
            {open ? (
              <>
                {open.opens > first && <div class="lane-closed" style={place(dayBounds(first, open.opens))} />}
                {open.closes < last && <div class="lane-closed" style={place(dayBounds(open.closes, last))} />}
              </>
            ) : (
              <div class="lane-closed" style={{ left: '0%', width: '100%' }} />
            )}
            {chair.active &&
              bookable.map((time) => (
                <button key={time} type="button" class="book-cell" data-chair-id={chair.id} data-time={time}
                  style={place(dayBounds(time, plusHour(time)))} aria-label={'Book ' + chair.name + ' from ' + time}
                  onClick={() => props.onFree(chair, date, time)}>
                  +
                </button>
              ))}
            {appointmentsOn(chair, date, zone).map((appointment) => (
              <button key={appointment.id} type="button"
                class={'booking ' + stateClass(appointment) + (props.selected === appointment.id ? ' selected' : '')}
                data-appointment-id={appointment.id} data-status={appointment.status} style={place(appointment)}
                aria-pressed={props.selected === appointment.id} onClick={() => props.onPick(appointment)}>
                <strong class="booking-patient">{appointment.patientName ?? 'Patient'}</strong>
                <span class="booking-when">
                  {formatTime(appointment.start, zone)}–{formatTime(appointment.end, zone)}
                </span>
                <span>{(appointment.kind === 'BOOSTER' ? 'Booster ' : 'Infusion ') + appointment.sequence}</span>
                <span class="booking-state">{statusLabel(appointment)}</span>
              </button>
            ))}
            {proposals
              .filter((o) => o.chairId === chair.id)
              .map((o) => (
                <div key={'p' + o.sequence} class={'proposal ' + (o.problems && o.problems.length > 0 ? 'proposal-clash' : 'proposal-fits')}
                  data-sequence={o.sequence} style={place(o)}>
                  <strong>Proposed {o.sequence}</strong>
                  <span>{props.plan?.course.patientName}</span>
                  <span>{formatTime(o.start, zone)}–{formatTime(o.end, zone)}</span>
                  <span>{verdictText(o)}</span>
                </div>
              ))}
          </div>
        </div>
      ))}
      {nurses.map((nurse) => (
        <div class="board-row board-nurse" role="row" key={nurse}>
          <div class="board-chair" role="rowheader">
            {nurse}
          </div>
          <div class="board-lane" role="cell">
            {shifts
              .filter((s) => s.nurse === nurse)
              .map((s) => (
                <div key={s.start} class="shift" style={place(s)}>
                  On shift {formatTime(s.start, zone)}–{formatTime(s.end, zone)} · watches {s.chairsWatched}
                </div>
              ))}
          </div>
        </div>
      ))}
      <div class="board-row board-load" role="row">
        <div class="board-chair" role="rowheader">
          Load
        </div>
        <div class="board-lane" role="cell">
          {loadOn(calendar, date).map((l) => (
            <div key={l.start} class={'load' + (l.infusions > 0 && l.infusions >= l.capacity ? ' load-full' : '')} style={place(l)}
              title={formatTime(l.start, zone) + '–' + formatTime(l.end, zone) + ': ' + l.infusions + ' running, nurses watch ' + l.capacity}>
              {l.infusions}/{l.capacity}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * A week at the site (Monday to Sunday): chairs as rows, days as columns, each day's bookings and proposed
 * occurrences by time, closures named in their column, the nurses on shift and the busiest moment of each day.
 */
export function WeekGrid(props: GridProps & { from: string; to: string }) {
  const { calendar, hours } = props;
  const zone = calendar.timeZone;
  const dates = datesBetween(props.from, props.to);
  return (
    <div class="cal-week-wrap">
      <table class="cal-week" id="calendar-grid" data-view="week" data-date={props.from}
        aria-label={'Chairs at ' + calendar.siteName + ', week of ' + formatDay(props.from)}>
        <thead>
          <tr>
            <th scope="col">Chair</th>
            {dates.map((date) => {
              const closure = closureOn(calendar, date);
              return (
                <th key={date} scope="col" data-date={date} class={closure || !openOn(hours, calendar, date) ? 'closed' : ''}>
                  <button type="button" class="link" onClick={() => props.onDay(date)} aria-label={'Open ' + formatDay(date)}>
                    {shortDay(date)}
                  </button>
                  {closure && <span class="closure">Closed: {closure}</span>}
                  {!closure && !openOn(hours, calendar, date) && <span class="muted closure-weekday">closed</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {chairsShown(calendar).map((chair) => (
            <tr key={chair.id} data-chair-id={chair.id}>
              <th scope="row">
                {chair.name}
                {chair.room && <span class="muted"> · {chair.room}</span>}
                {!chair.active && <span class="warning"> · out of service</span>}
              </th>
              {dates.map((date) => {
                const open = openOn(hours, calendar, date);
                const proposals = props.plan?.draft.filter((o) => o.chairId === chair.id && dateIn(o.start, zone) === date) ?? [];
                return (
                  <td key={date} class={open ? '' : 'closed'} data-date={date}>
                    <ul class="day-items">
                      {appointmentsOn(chair, date, zone).map((appointment) => (
                        <li key={appointment.id}>
                          <button type="button"
                            class={'booking ' + stateClass(appointment) + (props.selected === appointment.id ? ' selected' : '')}
                            data-appointment-id={appointment.id} data-status={appointment.status}
                            aria-pressed={props.selected === appointment.id} onClick={() => props.onPick(appointment)}>
                            <span class="booking-when">{formatTime(appointment.start, zone)}</span>{' '}
                            <strong class="booking-patient">{appointment.patientName ?? 'Patient'}</strong>{' '}
                            <span class="booking-state">{statusLabel(appointment)}</span>
                          </button>
                        </li>
                      ))}
                      {proposals.map((o) => (
                        <li key={'p' + o.sequence} class={'proposal ' + (o.problems && o.problems.length > 0 ? 'proposal-clash' : 'proposal-fits')}
                          data-sequence={o.sequence}>
                          <strong>Proposed {o.sequence}</strong> {formatTime(o.start, zone)} · {o.problems === null ? 'checking' : o.problems.length === 0 ? 'fits' : 'does not fit'}
                        </li>
                      ))}
                    </ul>
                    {props.canBook && chair.active && open && !isPast(date, props.today) && (
                      <button type="button" class="book-cell-week" data-chair-id={chair.id} data-date={date}
                        aria-label={'Book ' + chair.name + ' on ' + formatDay(date)} onClick={() => props.onFree(chair, date, open.opens)}>
                        + Book
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr class="week-nurses">
            <th scope="row">Nurses on shift</th>
            {dates.map((date) => (
              <td key={date}>
                {shiftsOn(calendar, date).map((s) => (
                  <div key={s.nurse + s.start} class="shift-line">
                    {s.nurse} {formatTime(s.start, zone)}–{formatTime(s.end, zone)}
                  </div>
                ))}
              </td>
            ))}
          </tr>
          <tr class="week-load">
            <th scope="row">Busiest</th>
            {dates.map((date) => {
              const peak = peakLoad(calendar, date);
              return (
                <td key={date} class={peak?.full ? 'load-full' : ''}>
                  {peak ? peak.infusions + ' of ' + peak.capacity + ' chairs' + (peak.full ? ' (full)' : '') : '—'}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
