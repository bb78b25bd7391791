import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { chooseSite } from '../../lib/site';
import { SitePicker } from '../../components/SitePicker';
import { type Me, hasAnyRole } from '../../lib/me';
import { formatDay, zoneLabel } from '../../lib/time';
import { BookingPanel } from './BookingPanel';
import { BookSlot } from './BookSlot';
import { type View, isIsoDate, rangeFor, step } from './calendar';
import { CoursePlanner, type Plan } from './CoursePlanner';
import { DayGrid, WeekGrid } from './Grid';
import type { CalendarAppointment, CalendarChair, Site, SiteCalendar, SiteHours } from './types';
import { Waitlist } from './Waitlist';

/** What the side of the calendar shows: a free time being booked, a booking, or a whole course being planned. */
export type Panel =
  | { kind: 'book'; chair: CalendarChair; date: string; time: string }
  | { kind: 'appointment'; appointment: CalendarAppointment }
  | { kind: 'plan' }
  | null;

/** Where the page stands, as its address keeps it (a reload or a shared link opens the same view). */
export interface Place {
  site: string | null;
  view: View;
  date: string | null;
}

export function placeFromUrl(search: string): Place {
  const params = new URLSearchParams(search);
  const date = params.get('date');
  return {
    site: params.get('site'),
    view: params.get('view') === 'week' ? 'week' : 'day',
    date: isIsoDate(date) ? date : null,
  };
}

export function urlOf(place: Place): string {
  const params = new URLSearchParams();
  if (place.site) {
    params.set('site', place.site);
  }
  params.set('view', place.view);
  if (place.date) {
    params.set('date', place.date);
  }
  return '?' + params.toString();
}

/**
 * The front desk's calendar of a site: a day or a week, chairs as rows, on the site's clock with its zone named;
 * nurse shifts and the load against capacity; closures. The front desk books from a free time, plans whole
 * courses on it and acts on a booking; nurses and clinicians look.
 */
export function Calendar(props: { me: Me; initial: Place }) {
  const canBook = hasAnyRole(props.me, 'front-desk', 'admin');
  const [sites, setSites] = useState<Site[]>([]);
  const [siteId, setSiteId] = useState<string | null>(props.initial.site);
  const [view, setView] = useState<View>(props.initial.view);
  const [date, setDate] = useState<string | null>(props.initial.date);
  const [today, setToday] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<SiteCalendar | null>(null);
  const [hours, setHours] = useState<SiteHours | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [reloads, setReloads] = useState(0);
  const [dateInput, setDateInput] = useState(props.initial.date ?? '');

  useEffect(() => {
    api<Site[]>('GET', '/api/scheduling/sites').then((found) => {
      setSites(found);
      setSiteId((current) => chooseSite(found, current));
    }, setError);
  }, []);

  useEffect(() => {
    if (!siteId) {
      return;
    }
    setHours(null);
    api<SiteHours>('GET', '/api/scheduling/sites/' + encodeURIComponent(siteId) + '/hours').then(setHours, () => setHours(null));
  }, [siteId]);

  // today comes from the clinic's clock on the site's calendar (the service's default day), never the browser's
  useEffect(() => {
    if (!siteId) {
      return;
    }
    let current = true;
    const site = '/api/scheduling/calendar?siteId=' + encodeURIComponent(siteId);
    const range = date ? rangeFor(view, date) : null;
    api<SiteCalendar>('GET', range ? site + '&from=' + range.from + '&to=' + range.to : site).then(
      (found) => {
        if (!current) {
          return;
        }
        if (!range) {
          setToday(found.from);
          setDate(found.from);
          setDateInput(found.from);
          if (view === 'week') {
            return; // the week around today is asked for next
          }
        }
        setCalendar(found);
        setError(null);
      },
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [siteId, view, date, reloads]);

  useEffect(() => {
    if (!today && siteId && date) {
      api<SiteCalendar>('GET', '/api/scheduling/calendar?siteId=' + encodeURIComponent(siteId)).then((found) => setToday(found.from), () => {});
    }
  }, [siteId, today, date]);

  useEffect(() => {
    window.history.replaceState(null, '', urlOf({ site: siteId, view, date }));
  }, [siteId, view, date]);

  function go(to: string) {
    setDate(to);
    setDateInput(to);
  }

  const reload = () => setReloads((n) => n + 1);
  const zone = calendar?.timeZone ?? sites.find((s) => s.id === siteId)?.timeZone ?? 'UTC';
  const range = date ? rangeFor(view, date) : null;
  const unit = view === 'day' ? 'day' : 'week';
  const shows = calendar && range && calendar.from === range.from && calendar.to === range.to;
  const selected = panel?.kind === 'appointment' ? panel.appointment.id : null;
  const gridProps = calendar && date ? {
    calendar,
    hours,
    date,
    canBook,
    today,
    plan,
    selected,
    onPick: (appointment: CalendarAppointment) => setPanel({ kind: 'appointment', appointment }),
    onFree: (chair: CalendarChair, day: string, time: string) => setPanel({ kind: 'book', chair, date: day, time }),
    onDay: (day: string) => { setView('day'); go(day); },
  } : null;

  return (
    <div class="calendar-page">
      <div class="toolbar calendar-toolbar">
        <SitePicker
          id="calendar-site"
          sites={sites}
          value={siteId}
          onPick={(picked) => {
            setSiteId(picked);
            setPanel(null);
            setPlan(null);
            setCalendar(null);
            setToday(null);
          }}
        />
        <div class="segmented" role="group" aria-label="View">
          <button type="button" id="view-day" class={view === 'day' ? '' : 'secondary'} aria-pressed={view === 'day'} onClick={() => setView('day')}>
            Day
          </button>
          <button type="button" id="view-week" class={view === 'week' ? '' : 'secondary'} aria-pressed={view === 'week'} onClick={() => setView('week')}>
            Week
          </button>
        </div>
        <div class="segmented" role="group" aria-label="Move through the calendar">
          <button type="button" class="secondary" id="calendar-previous" disabled={!date} onClick={() => date && go(step(view, date, -1))}>
            ‹ Previous {unit}
          </button>
          <button type="button" class="secondary" id="calendar-today" disabled={!today} onClick={() => today && go(today)}>
            Today
          </button>
          <button type="button" class="secondary" id="calendar-next" disabled={!date} onClick={() => date && go(step(view, date, 1))}>
            Next {unit} ›
          </button>
        </div>
        <label>
          Date{' '}
          <input id="calendar-date" type="date" value={dateInput}
            onInput={(e) => {
              const typed = (e.target as HTMLInputElement).value;
              setDateInput(typed);
              if (isIsoDate(typed)) {
                setDate(typed);
              }
            }} />
        </label>
        {canBook && (
          <button type="button" id="plan-course" onClick={() => setPanel({ kind: 'plan' })}>
            Plan a whole course…
          </button>
        )}
      </div>
      {calendar && range && (
        <p id="calendar-heading" class="muted">
          <strong>{calendar.siteName}</strong>,{' '}
          {view === 'day' ? formatDay(range.from) : formatDay(range.from) + ' to ' + formatDay(range.to)}
          {today && range.from <= today && today <= range.to && ' (today)'} · <span id="calendar-zone">times in {zoneLabel(calendar.timeZone)} ({calendar.timeZone})</span> ·
          open {calendar.openingHours.replace(/ \([^)]*\)$/, '')}
        </p>
      )}
      {calendar && view === 'day' && date && calendar.closures.filter((c) => c.date === date).map((c) => (
        <p key={c.date} class="closure-banner" role="status">
          Closed on {formatDay(c.date)}: {c.reason}
        </p>
      ))}
      <ProblemView error={error} id="calendar-error" />
      <div class={'calendar-layout' + (panel ? ' with-panel' : '')}>
        <div class="calendar-main">
          {gridProps && shows && view === 'day' && <DayGrid {...gridProps} />}
          {gridProps && shows && view === 'week' && range && <WeekGrid {...gridProps} from={range.from} to={range.to} />}
          {!shows && !error && <p class="muted">Loading the calendar…</p>}
          <Legend />
        </div>
        {panel && siteId && (
          <aside class="calendar-side" aria-label="Booking">
            {panel.kind === 'book' && canBook && (
              <BookSlot key={panel.chair.id + panel.date + panel.time} siteId={siteId} zone={zone} chair={panel.chair}
                date={panel.date} time={panel.time} onBooked={reload} onClose={() => setPanel(null)} />
            )}
            {panel.kind === 'appointment' && (
              <BookingPanel key={panel.appointment.id} me={props.me} appointmentId={panel.appointment.id}
                patientName={panel.appointment.patientName} siteId={siteId} zone={zone} onChanged={reload}
                onClose={() => setPanel(null)} />
            )}
            {panel.kind === 'plan' && canBook && calendar && (
              <CoursePlanner siteId={siteId} zone={zone} chairs={calendar.chairs} plan={plan} onPlan={setPlan}
                onShow={(day) => { setView('week'); go(day); }} onBooked={reload} onClose={() => setPanel(null)} />
            )}
          </aside>
        )}
      </div>
      {siteId && <Waitlist me={props.me} siteId={siteId} zone={zone} reloadKey={reloads} onChanged={reload} />}
    </div>
  );
}

function Legend() {
  return (
    <p class="legend muted">
      <span class="swatch booking state-booked">booked</span>
      <span class="swatch booking state-arrived">arrived</span>
      <span class="swatch booking state-done">done</span>
      <span class="swatch booking state-no-show">no-show or on hold</span>
      <span class="swatch proposal proposal-fits">proposed, fits</span>
      <span class="swatch proposal proposal-clash">proposed, does not fit</span>
      <span class="swatch lane-closed">closed</span>
    </p>
  );
}
