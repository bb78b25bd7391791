import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../lib/me';
import { formatDay } from '../../lib/time';
import { Calendar, placeFromUrl, urlOf } from './Calendar';
import { courseSearchUrl } from './CoursePicker';
import type { Course, PlannedOccurrence, SiteCalendar, WaitlistEntry } from './types';

const frontDesk: Me = { username: 'frank', name: 'Frank', roles: ['front-desk'] };
const nurse: Me = { username: 'nina', name: 'Nina', roles: ['nurse'] };

type Handler = (url: string, body: unknown) => { status?: number; body?: unknown; headers?: Record<string, string> };

/** Day names as the runtime's ICU writes them ("Mon 30 Nov 2026", some with a comma). */
const mon = formatDay('2026-11-30');
const wed = formatDay('2026-12-02');

/** A stubbed fetch answering by method and address prefix; every call is kept with its parsed body. */
function serve(routes: [string, string, Handler][]) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const route = routes.find(([m, prefix]) => m === method && url.startsWith(prefix));
    const answer = route ? route[2](url, body) : { status: 404, body: { title: 'Not found' } };
    return Promise.resolve(new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json', ...(answer.headers ?? {}) },
    }));
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const monday = '2026-11-30';

function dayCalendar(from: string, to: string, partial: Partial<SiteCalendar> = {}): SiteCalendar {
  return {
    siteId: 's1',
    siteName: 'Main clinic',
    timeZone: 'Europe/Zurich',
    from,
    to,
    openingHours: 'Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Zurich)',
    closures: [],
    chairs: [
      {
        id: 'c1', name: 'Chair A', room: 'Room 1', active: true,
        appointments: [{
          id: 'a1', courseId: 'k1', patientId: 'p1', patientName: '<img src=x onerror=alert(1)>', kind: 'INFUSION',
          sequence: 2, start: monday + 'T08:00:00Z', end: monday + 'T09:50:00Z', status: 'booked', onHold: false,
        }],
      },
      { id: 'c2', name: 'Chair B', room: 'Room 1', active: true, appointments: [] },
    ],
    nurses: [{ nurse: 'Nurse A', shifts: [{ start: monday + 'T07:00:00Z', end: monday + 'T17:00:00Z', chairsWatched: 2 }] }],
    load: [{ start: monday + 'T08:00:00Z', end: monday + 'T09:50:00Z', infusions: 1, capacity: 2 }],
    ...partial,
  };
}

const hours = {
  siteId: 's1', timeZone: 'Europe/Zurich',
  days: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, opens: '08:00:00', closes: '18:00:00' })),
};

function course(id: string, name: string, status: Course['status'] = 'TO_PLAN'): Course {
  return {
    id, patientId: 'p-' + id, patientName: name, status, plannedInfusions: 6, completedInfusions: 0,
    pauseReason: null, cancellationReason: null, appointments: [],
  };
}

/** The calendar asked for a range answers that range; without one, today (Monday) on the site's clock. */
const calendarRoute = (partial: Partial<SiteCalendar> = {}): [string, string, Handler] => [
  'GET', '/api/scheduling/calendar', (url) => {
    const params = new URL(url, 'http://clinic').searchParams;
    return { body: dayCalendar(params.get('from') ?? monday, params.get('to') ?? monday, partial) };
  },
];

const basics = (partial: Partial<SiteCalendar> = {}, waitlist: WaitlistEntry[] = []): [string, string, Handler][] => [
  ['GET', '/api/scheduling/sites/s1/hours', () => ({ body: hours })],
  ['GET', '/api/scheduling/sites', () => ({ body: [{ id: 's1', name: 'Main clinic', timeZone: 'Europe/Zurich' }] })],
  calendarRoute(partial),
  ['GET', '/api/scheduling/waitlist', () => ({ body: waitlist })],
];

const detail = {
  id: 'a1', courseId: 'k1', patientId: 'p1', chairId: 'c1', chairName: 'Chair A', kind: 'INFUSION', sequence: 2,
  start: monday + 'T08:00:00Z', end: monday + 'T09:50:00Z', status: 'booked', cancellationReason: null,
  rescheduledFrom: null, bookedBy: 'frank', bookedAt: '2026-11-20T10:00:00Z', history: [], onHold: false, onItsDay: false,
};

afterEach(() => vi.unstubAllGlobals());

describe('the calendar page', () => {
  it('shows the front desk a day of chairs on the site clock and books a free time clicked in a chair', async () => {
    const calls = serve([
      ...basics(),
      ['GET', '/api/scheduling/courses', (url) => ({
        body: url.includes('q=grace') || !url.includes('q=') ? [course('k2', 'Grace Hopper', 'ACTIVE')] : [],
        headers: { 'X-Total-Count': url.includes('q=') ? '1' : '23' },
      })],
      ['GET', '/api/scheduling/slots', () => ({
        body: [
          { kind: 'INFUSION', chairId: 'c1', chairName: 'Chair A', start: monday + 'T09:00:00Z', end: monday + 'T10:50:00Z' },
          { kind: 'INFUSION', chairId: 'c1', chairName: 'Chair A', start: monday + 'T09:15:00Z', end: monday + 'T11:05:00Z' },
        ],
      })],
      ['POST', '/api/scheduling/courses/k2/appointments', (_url, body) => ({
        status: 201,
        body: { id: 'a9', chairId: (body as { chairId: string }).chairId, chairName: 'Chair B', start: monday + 'T09:00:00Z',
          end: monday + 'T10:50:00Z', status: 'booked', sequence: 3, onHold: false },
      })],
    ]);
    const { container } = render(<Calendar me={frontDesk} initial={{ site: null, view: 'day', date: null }} />);

    await waitFor(() => expect(container.querySelector('.booking[data-appointment-id="a1"]')).toBeTruthy());
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText(/times in Zurich \(Europe\/Zurich\)/)).toBeTruthy();
    expect(screen.getByText('09:00–10:50')).toBeTruthy();
    expect(screen.getByText('On shift 08:00–18:00 · watches 2')).toBeTruthy();
    expect(screen.getByText('1/2')).toBeTruthy();
    // today comes from the service (the calendar without a date), and the address keeps the day
    expect(calls.find((c) => c.url.startsWith('/api/scheduling/calendar'))?.url).toBe('/api/scheduling/calendar?siteId=s1');
    await waitFor(() => expect(window.location.search).toContain('date=2026-11-30'));

    fireEvent.click(container.querySelector('.book-cell[data-chair-id="c2"][data-time="10:00"]')!);
    await waitFor(() => expect(screen.getByText('Book Chair B from 10:00, ' + mon)).toBeTruthy());
    await waitFor(() => expect(screen.getByText('1 of 23 shown: type more of the name to narrow.')).toBeTruthy());
    fireEvent.input(screen.getByLabelText('Patient'), { target: { value: 'grace' } });
    await waitFor(() => expect(calls.some((c) => c.url.includes('q=grace'))).toBe(true));
    fireEvent.click(await screen.findByText('Grace Hopper'));

    // the times the service found, offered in the chair clicked since it is free then
    await waitFor(() => expect(screen.getByText('10:00–11:50 · Chair B')).toBeTruthy());
    const slots = calls.find((c) => c.url.startsWith('/api/scheduling/slots'))!.url;
    expect(slots).toContain('patientId=p-k2');
    expect(slots).toContain('siteId=s1');
    expect(slots).toContain('from=' + encodeURIComponent('2026-11-30T09:00:00.000Z'));
    expect(slots).toContain('until=' + encodeURIComponent('2026-11-30T23:00:00.000Z'));
    fireEvent.click(screen.getByText('Book infusion'));

    await waitFor(() => expect(screen.getByText('Booked infusion 3 for Grace Hopper: ' + mon + ', 10:00–11:50 in Chair B.')).toBeTruthy());
    const booking = calls.find((c) => c.method === 'POST')!;
    expect(booking.body).toEqual({ chairId: 'c2', start: monday + 'T09:00:00Z' });
  });

  it('lets a nurse look without any control to book, cancel or move', async () => {
    serve([...basics(), ['GET', '/api/scheduling/appointments/a1', () => ({ body: detail })]]);
    const { container } = render(<Calendar me={nurse} initial={{ site: 's1', view: 'day', date: monday }} />);

    await waitFor(() => expect(container.querySelector('.booking[data-appointment-id="a1"]')).toBeTruthy());
    expect(container.querySelector('#plan-course')).toBeNull();
    expect(container.querySelectorAll('.book-cell')).toHaveLength(0);
    fireEvent.click(container.querySelector('.booking[data-appointment-id="a1"]')!);
    await waitFor(() => expect(container.querySelector('#booking-status')?.textContent).toBe('booked'));
    expect(container.querySelector('#booking-cancel')).toBeNull();
    expect(container.querySelector('#booking-reschedule')).toBeNull();
    expect(container.querySelector('#booking-no-show')).toBeNull();
    expect(container.querySelector('#waitlist-add')).toBeNull();
  });

  it('asks for the reason before it cancels, next to the field, and shows the cancellation', async () => {
    const calls = serve([
      ...basics(),
      ['GET', '/api/scheduling/appointments/a1', () => ({ body: detail })],
      ['POST', '/api/scheduling/appointments/a1/cancellation', (_url, body) => ({
        body: { ...detail, status: 'cancelled', cancellationReason: (body as { reason: string }).reason },
      })],
      ['GET', '/api/scheduling/waitlist/slots/a1/offers', () => ({ body: [] })],
    ]);
    const { container } = render(<Calendar me={frontDesk} initial={{ site: 's1', view: 'day', date: monday }} />);
    await waitFor(() => expect(container.querySelector('.booking[data-appointment-id="a1"]')).toBeTruthy());
    fireEvent.click(container.querySelector('.booking[data-appointment-id="a1"]')!);
    fireEvent.click(await screen.findByText('Cancel appointment…'));

    fireEvent.click(screen.getByText('Cancel the appointment'));
    const reason = screen.getByLabelText('Reason for the cancellation');
    expect(screen.getByText('Give the reason for the cancellation.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe('cancel-reason-error');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.input(reason, { target: { value: 'Patient has the flu' } });
    fireEvent.click(screen.getByText('Cancel the appointment'));
    await waitFor(() => expect(container.querySelector('#booking-status')?.textContent).toBe('cancelled (Patient has the flu)'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Patient has the flu' });
  });

  it('plans a whole course: proposed on the week, a refused occurrence replaced from checked alternatives, all booked', async () => {
    const days = ['2026-11-30', '2026-12-02', '2026-12-04', '2026-12-07', '2026-12-09', '2026-12-11'];
    const proposed: PlannedOccurrence[] = days.map((day, i) => ({
      sequence: i + 1, chairId: 'c1', chairName: 'Chair A', start: day + 'T12:00:00Z', end: day + 'T13:50:00Z', problems: [],
    }));
    const verdict = (body: unknown) => ({
      ok: true,
      occurrences: (body as { occurrences: { chairId: string; start: string }[] }).occurrences.map((o, i) => ({
        sequence: i + 1, chairId: o.chairId, chairName: o.chairId === 'c1' ? 'Chair A' : 'Chair B', start: o.start,
        end: new Date(Date.parse(o.start) + 110 * 60000).toISOString(), problems: [],
      })),
    });
    let bookings = 0;
    const calls = serve([
      ...basics(),
      ['GET', '/api/scheduling/courses', () => ({ body: [course('k3', 'Katherine Johnson')], headers: { 'X-Total-Count': '1' } })],
      ['POST', '/api/scheduling/courses/k3/proposal', () => ({ body: { ok: true, occurrences: proposed } })],
      ['GET', '/api/scheduling/slots', () => ({
        body: [
          { kind: 'INFUSION', chairId: 'c2', chairName: 'Chair B', start: '2026-12-02T12:00:00Z', end: '2026-12-02T13:50:00Z' },
          { kind: 'INFUSION', chairId: 'c2', chairName: 'Chair B', start: '2026-12-02T12:15:00Z', end: '2026-12-02T14:05:00Z' },
        ],
      })],
      ['POST', '/api/scheduling/courses/k3/plan-check', (_url, body) => ({ body: verdict(body) })],
      ['POST', '/api/scheduling/courses/k3/bookings', (_url, body) => {
        bookings++;
        if (bookings === 1) {
          return {
            status: 409,
            body: {
              title: 'Conflict', detail: '1 of the 6 infusions do not fit; nothing was booked',
              occurrences: proposed.map((o) => (o.sequence === 2
                ? { ...o, problems: [{ rule: 'CHAIR_TAKEN', message: 'The chair is taken Wed 2 Dec 13:00–14:50' }] } : o)),
            },
          };
        }
        const booked = verdict(body).occurrences.map((o) => ({ id: 'b' + o.sequence, ...o, status: 'booked', onHold: false }));
        return { status: 201, body: { ...course('k3', 'Katherine Johnson', 'ACTIVE'), appointments: booked } };
      }],
    ]);
    const { container } = render(<Calendar me={frontDesk} initial={{ site: 's1', view: 'day', date: monday }} />);
    await waitFor(() => expect(container.querySelector('#calendar-grid')).toBeTruthy());

    fireEvent.click(screen.getByText('Plan a whole course…'));
    fireEvent.click(await screen.findByText('Katherine Johnson'));
    await waitFor(() => expect(screen.getByText(/Every one fits\./)).toBeTruthy());
    expect(calls.find((c) => c.url.endsWith('/proposal'))?.body).toEqual({ siteId: 's1' });
    // the proposal shows on the calendar's week of its first infusion
    await waitFor(() => expect(container.querySelector('#calendar-grid')?.getAttribute('data-view')).toBe('week'));
    expect(container.querySelectorAll('#calendar-grid .proposal')).toHaveLength(3);

    fireEvent.click(screen.getByText('Book all 6'));
    await waitFor(() => expect(screen.getByText('does not fit: The chair is taken Wed 2 Dec 13:00–14:50')).toBeTruthy());
    expect(screen.getByText('1 of the 6 infusions do not fit; nothing was booked')).toBeTruthy();
    expect(container.querySelector('#plan-occurrences li[data-sequence="2"]')?.getAttribute('data-fits')).toBe('false');
    expect((screen.getByText('Book all 6') as HTMLButtonElement).disabled).toBe(true);

    // each alternative was checked with the whole plan before it is offered
    const alternative = await screen.findByText(wed + ', 13:00–14:50 · Chair B');
    expect(calls.filter((c) => c.url.endsWith('/plan-check')).length).toBeGreaterThanOrEqual(2);
    fireEvent.click(alternative);
    await waitFor(() => expect(screen.getByText(/Every one fits\./)).toBeTruthy());
    fireEvent.click(screen.getByText('Book all 6'));

    await waitFor(() => expect(container.querySelectorAll('#plan-booked li')).toHaveLength(6));
    const sent = calls.filter((c) => c.url.endsWith('/bookings'))[1].body as { occurrences: { chairId: string; start: string }[] };
    expect(sent.occurrences[1]).toEqual({ chairId: 'c2', start: '2026-12-02T12:00:00Z' });
    expect(sent.occurrences[0]).toEqual({ chairId: 'c1', start: '2026-11-30T12:00:00Z' });
  });

  it('shows a week with a closure named in its column and nothing to book on closed days', async () => {
    const calls = serve(basics({ closures: [{ date: '2026-12-02', reason: 'Staff training' }] }));
    const { container } = render(<Calendar me={frontDesk} initial={{ site: 's1', view: 'week', date: '2026-12-02' }} />);

    await waitFor(() => expect(screen.getByText('Closed: Staff training')).toBeTruthy());
    expect(calls.some((c) => c.url === '/api/scheduling/calendar?siteId=s1&from=2026-11-30&to=2026-12-06')).toBe(true);
    expect(container.querySelector('.book-cell-week[data-date="2026-11-30"][data-chair-id="c2"]')).toBeTruthy();
    expect(container.querySelector('.book-cell-week[data-date="2026-12-02"]')).toBeNull();
    expect(container.querySelector('.book-cell-week[data-date="2026-12-05"]')).toBeNull();
    expect(screen.getByText('Nurse A 08:00–18:00')).toBeTruthy();
    expect(screen.getByText('Next week ›')).toBeTruthy();

    fireEvent.click(screen.getByText('Next week ›'));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('from=2026-12-07&to=2026-12-13'))).toBe(true));
  });

  it('offers no booking on a day before today on the services\' clock', async () => {
    const calls = serve(basics());
    const { container } = render(<Calendar me={frontDesk} initial={{ site: 's1', view: 'week', date: '2026-11-25' }} />);

    await waitFor(() => expect(calls.some((c) => c.url.endsWith('from=2026-11-23&to=2026-11-29'))).toBe(true));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/scheduling/calendar?siteId=s1')).toBe(true));
    await waitFor(() => {
      expect(container.querySelector('.cal-week')).toBeTruthy();
      expect(container.querySelectorAll('.book-cell-week')).toHaveLength(0);
    });

    fireEvent.click(screen.getByText('Next week ›'));
    await waitFor(() => expect(container.querySelector('.book-cell-week[data-date="2026-11-30"]')).toBeTruthy());
  });

  it('shows the site waitlist with its offers and answers one for the patient', async () => {
    const entry = (id: string, siteId: string, name: string): WaitlistEntry => ({
      id, courseId: 'k' + id, patientId: 'p' + id, patientName: name, siteId, days: ['WEDNESDAY', 'MONDAY'],
      earliestStart: '10:00:00', latestEnd: null, chairAttributes: [], note: 'after work', status: 'WAITING',
      createdBy: 'frank', createdAt: '2026-11-20T10:00:00Z',
      offers: [{
        id: 'o' + id, entryId: id, chairId: 'c1', chairName: 'Chair A', start: monday + 'T12:00:00Z', end: monday + 'T13:50:00Z',
        freedBy: 'a0', rank: 1, status: 'OFFERED', offeredAt: '2026-11-29T10:00:00Z', answeredBy: null, answeredAt: null,
      }],
    });
    const calls = serve([
      ...basics({}, [entry('1', 's1', 'Ada Lovelace'), entry('2', 's9', 'Elsewhere Patient')]),
      ['POST', '/api/scheduling/waitlist/offers/o1/acceptance', () => ({ status: 201, body: {} })],
    ]);
    render(<Calendar me={frontDesk} initial={{ site: 's1', view: 'day', date: monday }} />);

    await waitFor(() => expect(screen.getByText('Ada Lovelace')).toBeTruthy());
    expect(screen.queryByText('Elsewhere Patient')).toBeNull();
    expect(screen.getByText('Mon, Wed · from 10:00 · after work')).toBeTruthy();
    expect(screen.getByText(mon + ', 13:00–14:50 · Chair A · rank 1: offered, waiting for an answer', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByText('Accept for Ada Lovelace'));
    await waitFor(() => expect(screen.getByText('Booked ' + mon + ', 13:00–14:50 for Ada Lovelace.')).toBeTruthy());
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/o1/acceptance'))).toBe(true);
  });
});

describe('the calendar address and search', () => {
  it('keeps the site, view and date in the address, and ignores a date that does not exist', () => {
    expect(placeFromUrl('?site=s1&view=week&date=2026-12-02')).toEqual({ site: 's1', view: 'week', date: '2026-12-02' });
    expect(placeFromUrl('?date=2026-02-31')).toEqual({ site: null, view: 'day', date: null });
    expect(urlOf({ site: 's1', view: 'day', date: '2026-11-30' })).toBe('?site=s1&view=day&date=2026-11-30');
  });

  it('searches courses by the name typed, in the statuses wanted, a page at a time', () => {
    expect(courseSearchUrl(['TO_PLAN', 'ACTIVE'], ' García ')).toBe('/api/scheduling/courses?status=TO_PLAN&status=ACTIVE&q=Garc%C3%ADa&limit=8');
    expect(courseSearchUrl(['TO_PLAN'], '')).toBe('/api/scheduling/courses?status=TO_PLAN&limit=8');
  });
});
