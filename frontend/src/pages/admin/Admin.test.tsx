import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Admin } from './Admin';
import { type Route, stubFetch } from './testing';
import type { Chair, Closure, Hours, Site } from './types';

const admin = { username: 'ann', name: 'Ann Admin', roles: ['admin'] };

const lakeside: Site = { id: 's1', name: 'Lakeside', timeZone: 'Europe/Zurich', timeZoneSource: 'site', version: 2 };
const hudson: Site = { id: 's2', name: '<b>Hudson</b>', timeZone: 'America/New_York', timeZoneSource: 'site', version: 1 };

function common(sites: Site[] = [lakeside, hudson]): Route[] {
  return [
    { path: '/api/scheduling/sites', body: sites },
    { path: '/api/scheduling/calendar', body: { from: '2026-11-30' } },
    { path: /\/api\/scheduling\/sites\/s\d\/rooms/, body: [{ id: 'r1', siteId: 's1', site: 'Lakeside', name: 'Infusion room', version: 1 }] },
  ];
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('the admin page', () => {
  it('names the site clock, links every section and adds a site with the zone chosen', async () => {
    const { calls, routes } = stubFetch(common());
    routes.push({ method: 'POST', path: '/api/scheduling/sites', status: 201, body: { ...lakeside, id: 's3', name: 'Harbour' } });
    render(<Admin me={admin} siteFromUrl={null} section="site" />);

    await waitFor(() => expect(document.getElementById('admin-zone')?.textContent).toBe('Times in Zurich (Europe/Zurich)'));
    const links = [...document.querySelectorAll('nav[aria-label="Admin sections"] a')];
    expect(links.map((a) => a.textContent)).toEqual([
      'Site and rooms', 'Chairs', 'Hours and closures', 'Nurses', 'Consultation slots', 'Clinic settings', 'Utilisation',
      'Dead letters',
      'Webhooks',
      'Audit trail',
      'Integration clients',
    ]);
    expect(links[0].getAttribute('aria-current')).toBe('true');
    // a name is text, never markup
    expect(document.querySelector('#admin-site option[value="s2"]')!.textContent).toBe('<b>Hudson</b>');
    expect(document.querySelector('b')).toBeNull();

    fireEvent.input(document.getElementById('new-site-name')!, { target: { value: 'Harbour' } });
    fireEvent.change(document.getElementById('new-site-zone')!, { target: { value: 'America/New_York' } });
    fireEvent.submit(document.getElementById('new-site-form')!);

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ name: 'Harbour', timeZone: 'America/New_York' });
  }, 20000);

  it("puts the audit trail and the dead letters on the clinic's clock, whichever site is picked", async () => {
    stubFetch([
      ...common([hudson, { ...lakeside, timeZoneSource: 'clinic-settings' }]),
      { path: '/api/intake/dead-letters', body: [] },
      { path: '/api/scheduling/dead-letters', body: [] },
      { path: '/api/session/dead-letters', body: [] },
    ]);
    render(<Admin me={admin} siteFromUrl="s2" section="audit" />);

    await waitFor(() =>
      expect(document.getElementById('admin-zone')?.textContent).toBe("Times on the clinic's clock: Zurich (Europe/Zurich)"),
    );
    expect(document.querySelector('label[for="audit-from"]')!.textContent).toBe('From (Zurich time)');
  }, 20000);

  it('shows a closing time before the opening time at that weekday, marked and focused, in the form\'s words', async () => {
    const hours: Hours = {
      siteId: 's1',
      source: 'site',
      timeZone: 'Europe/Zurich',
      version: 4,
      days: [
        { dayOfWeek: 1, opens: '08:00:00', closes: '18:00:00' },
        { dayOfWeek: 3, opens: '08:00:00', closes: '18:00:00' },
      ],
    };
    const { calls, routes } = stubFetch([
      ...common(),
      { path: '/api/scheduling/sites/s1/hours', body: hours },
      { path: '/api/scheduling/sites/s1/closures', body: [] },
    ]);
    routes.push({
      method: 'PUT',
      path: '/api/scheduling/sites/s1/hours',
      status: 400,
      body: {
        title: 'Invalid input',
        detail: 'days[1].closes: the site must open (08:00) before it closes (07:00)',
        errors: [{ field: 'days[1].closes', message: 'the site must open (08:00) before it closes (07:00)' }],
      },
    });
    render(<Admin me={admin} siteFromUrl="s1" section="hours" />);

    const closes = (await screen.findByLabelText('Wednesday closes (Zurich time)')) as HTMLInputElement;
    expect(closes.value).toBe('18:00');
    fireEvent.input(closes, { target: { value: '07:00' } });
    fireEvent.submit(document.getElementById('hours-form')!);

    await waitFor(() => expect(document.getElementById('hours-3-closes-error')).toBeTruthy());
    expect(document.getElementById('hours-3-closes-error')!.textContent).toBe(
      'The site must open (08:00) before it closes (07:00).',
    );
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect(closes.getAttribute('aria-describedby')).toBe('hours-3-closes-error');
    expect(document.activeElement?.id).toBe(closes.id);
    expect(screen.getByText('Not saved: check the field marked below.')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({
      version: 4,
      days: [
        { dayOfWeek: 1, opens: '08:00', closes: '18:00' },
        { dayOfWeek: 3, opens: '08:00', closes: '07:00' },
      ],
    });
  });

  it('says in words that a chair changed meanwhile and reloads it on request', async () => {
    const chair: Chair = {
      id: 'c1', name: 'Chair A', site: 'Lakeside', siteId: 's1', roomId: 'r1', room: 'Infusion room',
      attributes: ['recliner'], active: true, version: 1,
    };
    const { calls, routes } = stubFetch([...common(), { path: '/api/scheduling/chairs', body: [chair] }]);
    routes.push({
      method: 'PUT',
      path: '/api/scheduling/chairs/c1',
      status: 409,
      body: { title: 'Conflict', detail: 'Chair c1 is at version 2, not 1: reload and try again', reason: 'STALE_VERSION', currentVersion: 2 },
    });
    render(<Admin me={admin} siteFromUrl="s1" section="chairs" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Change Chair A' }));
    fireEvent.submit(document.getElementById('chair-c1-edit')!);
    await waitFor(() => expect(screen.getByText('Someone changed this since you opened it.')).toBeTruthy());

    routes.push({ path: '/api/scheduling/chairs', body: [{ ...chair, name: 'Chair A1', version: 2 }] });
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(document.querySelector('[data-chair-id="c1"] td')?.textContent).toBe('Chair A1'));
    expect(screen.queryByText('Someone changed this since you opened it.')).toBeNull();
    expect(calls.filter((c) => c.url.startsWith('/api/scheduling/chairs?')).length).toBe(2);
  });

  it('asks before it removes a closure, and removes it with the version read only when confirmed', async () => {
    const closure: Closure = { id: 'k1', siteId: 's1', date: '2026-12-24', reason: 'Christmas Eve', version: 1 };
    const { calls, routes } = stubFetch([
      ...common(),
      { path: '/api/scheduling/sites/s1/hours', body: { siteId: 's1', source: 'clinic-settings', timeZone: 'Europe/Zurich', days: [], version: 0 } },
      { path: '/api/scheduling/sites/s1/closures', body: [closure] },
      { method: 'DELETE', path: '/api/scheduling/closures/k1', status: 204, body: null },
    ]);
    render(<Admin me={admin} siteFromUrl="s1" section="hours" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(screen.getByText(/^Open again on Thu,? 24 Dec 2026\?$/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Remove closure');
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    routes.push({ path: '/api/scheduling/sites/s1/closures', body: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove closure' }));
    await waitFor(() => expect(screen.getByText('No closure days ahead.')).toBeTruthy());
    expect(calls.find((c) => c.method === 'DELETE')!.url).toBe('/api/scheduling/closures/k1?version=1');
    // the closures are listed from today on the site's clock, as the services' calendar says
    expect(calls.some((c) => c.url === '/api/scheduling/sites/s1/closures?from=2026-11-30&to=2027-11-30')).toBe(true);
  });

  it('opens a consultation slot at the times on the site\'s own clock, not the browser\'s', async () => {
    const { calls, routes } = stubFetch([
      ...common(),
      { path: '/api/scheduling/consultation-slots', body: [] },
    ]);
    routes.push({ method: 'POST', path: '/api/scheduling/sites/s2/consultation-slots', status: 201, body: {} });
    render(<Admin me={admin} siteFromUrl="s2" section="consultations" />);

    fireEvent.input(await screen.findByLabelText('Clinician'), { target: { value: 'Dr. House' } });
    fireEvent.input(screen.getByLabelText('Date (New York)'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('Starts (New York)'), { target: { value: '09:00' } });
    fireEvent.input(screen.getByLabelText('Ends (New York)'), { target: { value: '09:45' } });
    fireEvent.submit(document.getElementById('slot-form')!);

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      clinician: 'Dr. House',
      roomId: null,
      start: '2026-12-01T14:00:00.000Z',
      end: '2026-12-01T14:45:00.000Z',
    });
  });

  it('refuses a slot that ends before it starts at the field, without asking the service', async () => {
    const { calls } = stubFetch([...common(), { path: '/api/scheduling/consultation-slots', body: [] }]);
    render(<Admin me={admin} siteFromUrl="s1" section="consultations" />);

    fireEvent.input(await screen.findByLabelText('Clinician'), { target: { value: 'Dr. House' } });
    fireEvent.input(screen.getByLabelText('Starts (Zurich)'), { target: { value: '11:00' } });
    fireEvent.input(screen.getByLabelText('Ends (Zurich)'), { target: { value: '10:00' } });
    fireEvent.submit(document.getElementById('slot-form')!);

    await waitFor(() => expect(document.getElementById('slot-end-error')?.textContent).toBe('Must end after it starts, on the same day.'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
