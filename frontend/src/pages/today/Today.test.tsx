import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Today } from './Today';

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const calendar = {
  siteId: 's1',
  siteName: 'Main clinic',
  timeZone: 'Europe/Zurich',
  from: '2026-11-30',
  chairs: [
    {
      id: 'c1',
      name: 'Chair 1',
      room: 'Room A',
      active: true,
      appointments: [
        {
          id: 'a1', courseId: 'k1', patientId: 'p1', patientName: '<img src=x onerror=alert(1)>', kind: 'INFUSION',
          sequence: 2, start: '2026-11-30T08:00:00Z', end: '2026-11-30T09:50:00Z', status: 'checked-in', onHold: false,
        },
      ],
    },
  ],
  nurses: [],
};

const day = {
  total: 1,
  appointments: [
    {
      appointmentId: 'a1', patientName: '<img src=x onerror=alert(1)>', mrn: 'MRN-000007', position: 'Infusion 2 of 6',
      courseStatus: 'ACTIVE', dosingPaused: false, recordId: 'r1',
      progress: { recordId: 'r1', stage: 'INFUSING', since: new Date(Date.now() - 12 * 60000).toISOString(),
        readingsDue: 1, readingsOverdue: 0, openAlerts: 1 },
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('the Today board', () => {
  it('shows a nurse the chair, the patient as text, the infusion, its stage with time, readings due and alerts', async () => {
    const fetch = vi.fn((url: string) => {
      if (url.startsWith('/api/scheduling/sites')) return answer([{ id: 's1', name: 'Main clinic', timeZone: 'Europe/Zurich' }]);
      if (url.startsWith('/api/scheduling/calendar')) return answer(calendar);
      if (url.startsWith('/api/session/appointments')) return answer(day);
      return answer({}, 404);
    });
    vi.stubGlobal('fetch', fetch);
    const { container } = render(<Today me={{ username: 'nina', name: 'Nina', roles: ['nurse'] }} siteFromUrl={null} />);

    await waitFor(() => expect(screen.getByText('Infusion 2 of 6')).toBeTruthy());
    expect(screen.getByText('Chair 1')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBe(1);
    expect(screen.getByText(/infusing · 12 min/)).toBeTruthy();
    expect(screen.getByText('1 reading(s) due')).toBeTruthy();
    expect(screen.getByText('1 alert(s) to answer')).toBeTruthy();
    expect(screen.getByText(/times in Zurich/)).toBeTruthy();
    expect(container.querySelector('.booking a')?.getAttribute('href')).toBe('/sessions.html?appointment=a1');
    const sessionCall = fetch.mock.calls.map((c) => c[0]).find((u) => u.startsWith('/api/session/appointments'));
    expect(sessionCall).toContain('site=s1');
    expect(sessionCall).toContain('date=2026-11-30');
  });

  it('shows the front desk the bookings without asking the session service', async () => {
    const fetch = vi.fn((url: string) => {
      if (url.startsWith('/api/scheduling/sites')) return answer([{ id: 's1', name: 'Main clinic', timeZone: 'Europe/Zurich' }]);
      if (url.startsWith('/api/scheduling/calendar')) return answer(calendar);
      return answer({ title: 'Forbidden' }, 403);
    });
    vi.stubGlobal('fetch', fetch);
    render(<Today me={{ username: 'frank', name: 'Frank', roles: ['front-desk'] }} siteFromUrl={null} />);

    await waitFor(() => expect(screen.getByText('checked in')).toBeTruthy());
    expect(fetch.mock.calls.some((c) => String(c[0]).startsWith('/api/session'))).toBe(false);
    expect(document.querySelector('.booking a')).toBeNull();
  });
});
