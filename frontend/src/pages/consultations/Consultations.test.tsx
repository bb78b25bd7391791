import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Consultations } from './Consultations';

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const site = { id: 's1', name: 'Lakeside', timeZone: 'Europe/Zurich' };

const booked = {
  id: 'c1', patientId: 'p2', patientName: 'Grace Hopper', mrn: 'MRN-000002', clinician: 'clinician', siteId: 's1',
  siteName: 'Lakeside', timeZone: 'Europe/Zurich', roomName: 'Room 2', start: '2026-03-02T08:00:00Z',
  end: '2026-03-02T08:45:00Z', status: 'booked', cancellationReason: null, actions: ['CANCEL', 'RESCHEDULE'],
};

const listing = { from: '2026-03-02', to: '2026-03-08', consultations: [booked] };

const slot = {
  kind: 'CONSULTATION', consultationSlotId: 'slot-1', clinician: 'dr.house', start: '2026-03-03T09:00:00Z',
  end: '2026-03-03T09:45:00Z', siteId: 's1', siteName: 'Lakeside', timeZone: 'Europe/Zurich', roomId: null,
};

const ada = { id: 'p1', mrn: 'MRN-000001', givenName: '<b>Ada</b>', familyName: 'Lovelace', birthDate: '1985-12-10', status: 'REFERRED' };

type Call = [string, RequestInit | undefined];

function frontDeskFetch(extra: (url: string, init?: RequestInit) => Promise<Response> | null = () => null) {
  return vi.fn((url: string, init?: RequestInit) => {
    const other = extra(url, init);
    if (other) return other;
    if (url.startsWith('/api/scheduling/sites')) return answer([site]);
    if (url.startsWith('/api/intake/patients?q=')) {
      return answer([ada, { ...ada, id: 'p9', givenName: 'Adam', status: 'SCREENED' }]);
    }
    if (url.startsWith('/api/scheduling/consultations?patientId=')) return answer({ ...listing, consultations: [] });
    if (url.startsWith('/api/scheduling/consultations?siteId=')) return answer(listing);
    if (url.startsWith('/api/scheduling/slots')) return answer([slot]);
    return answer({ title: 'Not found' }, 404);
  });
}

const frontDesk = { username: 'frontdesk', name: 'Frank', roles: ['front-desk'] };

afterEach(() => vi.unstubAllGlobals());

describe('the consultations page for the front desk', () => {
  it('finds a referred patient as one types, shows the free slots on the site clock and books one in a click', async () => {
    const fetch = frontDeskFetch((url, init) =>
      url === '/api/scheduling/consultations' && init?.method === 'POST'
        ? answer({ ...booked, id: 'c9', patientId: 'p1', patientName: '<b>Ada</b> Lovelace', start: slot.start, end: slot.end,
          clinician: 'dr.house' }, 201)
        : null);
    vi.stubGlobal('fetch', fetch);
    const { container } = render(<Consultations me={frontDesk} siteFromUrl={null} />);

    await waitFor(() => expect(screen.getByText(/times in Zurich/)).toBeTruthy());
    fireEvent.input(screen.getByLabelText(/Find a referred patient/), { target: { value: 'ad' } });
    const choice = await screen.findByRole('button', { name: /Lovelace · MRN-000001/ });
    expect(choice.textContent).toContain('born 10 Dec 1985');
    expect(screen.queryByText(/Adam/)).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    fireEvent.click(choice);

    const book = await screen.findByRole('button', { name: 'Book Tue, 3 Mar 2026 10:00–10:45 (Zurich) with dr.house' });
    fireEvent.click(book);

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Booked: <b>Ada</b> Lovelace'));
    const post = (fetch.mock.calls as unknown as Call[]).find(([url, init]) => url === '/api/scheduling/consultations' && init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ patientId: 'p1', slotId: 'slot-1' });
  });

  it('lists the booked consultations with their times labelled and only the buttons scheduling allows', async () => {
    vi.stubGlobal('fetch', frontDeskFetch());
    render(<Consultations me={frontDesk} siteFromUrl="s1" />);

    const row = await waitFor(() => {
      const found = document.querySelector('tr[data-consultation-id="c1"]');
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    expect(row.textContent).toContain('09:00–09:45');
    expect(row.textContent).toContain('(Zurich)');
    expect(row.textContent).toContain('Grace Hopper');
    expect(row.querySelector('.action-cancel')).toBeTruthy();
    expect(row.querySelector('.action-move')).toBeTruthy();
    expect(row.querySelector('.action-arrive')).toBeNull();
    expect(row.querySelector('.action-no-show')).toBeNull();
  });

  it('asks for a confirmation and a reason before it cancels, the error next to the reason', async () => {
    const fetch = frontDeskFetch((url, init) =>
      url === '/api/scheduling/consultations/c1/cancellation' && init?.method === 'POST'
        ? answer({ patientId: 'p2', consultation: { ...booked, status: 'cancelled' }, history: [] })
        : null);
    vi.stubGlobal('fetch', fetch);
    render(<Consultations me={frontDesk} siteFromUrl="s1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel the consultation of Grace Hopper' }));
    expect(screen.getByRole('heading', { name: 'Cancel the consultation of Grace Hopper?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the consultation' }));

    const reason = screen.getByLabelText('Reason for the cancellation');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe('A cancellation needs a reason');
    expect((fetch.mock.calls as unknown as Call[]).some(([url]) => url.endsWith('/cancellation'))).toBe(false);

    fireEvent.input(reason, { target: { value: 'Patient is ill' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the consultation' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Cancelled: Grace Hopper'));
    const post = (fetch.mock.calls as unknown as Call[]).find(([url]) => url.endsWith('/cancellation'));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ reason: 'Patient is ill' });
  });

  it('shows the service refusal of the reason next to the field', async () => {
    vi.stubGlobal('fetch', frontDeskFetch((url) =>
      url.endsWith('/cancellation')
        ? answer({ title: 'Invalid input', status: 400, errors: [{ field: 'reason', message: 'A reason has at most 500 characters' }] }, 400)
        : null));
    render(<Consultations me={frontDesk} siteFromUrl="s1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel the consultation of Grace Hopper' }));
    fireEvent.input(screen.getByLabelText('Reason for the cancellation'), { target: { value: 'fine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the consultation' }));

    await waitFor(() => expect(document.getElementById('cancel-reason-error')?.textContent).toBe('A reason has at most 500 characters'));
  });
});

describe('the consultations page for a clinician', () => {
  it('shows their own day from the services, with a date picker, and nothing to book', async () => {
    const fetch = vi.fn((url: string) => {
      if (url.startsWith('/api/scheduling/consultations/mine')) {
        return answer({ clinician: 'clinician', date: url.includes('date=') ? '2026-03-03' : '2026-03-02', consultations: [booked] });
      }
      return answer({ title: 'Forbidden' }, 403);
    });
    vi.stubGlobal('fetch', fetch);
    render(<Consultations me={{ username: 'clinician', name: 'Dr. C', roles: ['clinician'] }} siteFromUrl={null} />);

    await waitFor(() => expect(screen.getByRole('heading', { name: 'My consultations' })).toBeTruthy());
    await waitFor(() => expect(screen.getByText('Grace Hopper')).toBeTruthy());
    expect(screen.queryByText('Book a consultation')).toBeNull();
    expect(screen.queryByRole('button', { name: /Cancel/ })).toBeNull();
    const picker = screen.getByLabelText(/Day/) as HTMLInputElement;
    expect(picker.value).toBe('2026-03-02');

    fireEvent.input(picker, { target: { value: '2026-03-03' } });
    await waitFor(() => expect((fetch.mock.calls as unknown as Call[]).some(([url]) => url.endsWith('mine?date=2026-03-03'))).toBe(true));
    expect((fetch.mock.calls as unknown as Call[]).every(([url]) => url.startsWith('/api/scheduling/consultations/mine'))).toBe(true);
  });

  it('keeps a date being typed in the field: a half-typed year is not asked for and an answer does not overwrite it', async () => {
    const fetch = vi.fn((url: string) => answer({ clinician: 'clinician', date: url.includes('date=') ? url.slice(-10) : '2026-03-02',
      consultations: [] }));
    vi.stubGlobal('fetch', fetch);
    render(<Consultations me={{ username: 'clinician', name: 'Dr. C', roles: ['clinician'] }} siteFromUrl={null} />);
    const picker = await waitFor(() => {
      const found = screen.getByLabelText(/Day/) as HTMLInputElement;
      expect(found.value).toBe('2026-03-02');
      return found;
    });

    fireEvent.input(picker, { target: { value: '0002-11-30' } });
    fireEvent.input(picker, { target: { value: '0202-11-30' } });
    expect(picker.value).toBe('0202-11-30');
    fireEvent.input(picker, { target: { value: '2026-11-30' } });
    await waitFor(() => expect(screen.getByText(/Mon, 30 Nov 2026/)).toBeTruthy());
    const asked = (fetch.mock.calls as unknown as Call[]).map(([url]) => url);
    expect(asked.filter((url) => url.includes('date=0'))).toEqual([]);
    expect(picker.value).toBe('2026-11-30');
  });
});
