import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Patients } from './Patients';

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const grace = { id: 'p1', mrn: 'MRN-000001', givenName: 'Grace', familyName: 'Hopper', birthDate: '1980-12-09', status: 'REFERRED', version: 1 };

afterEach(() => vi.unstubAllGlobals());

describe('the patients page', () => {
  it('searches as the user types, once per pause, and shows the names as text', async () => {
    const fetch = vi.fn((url: string) => answer(url.includes('q=hop') ? [{ ...grace, givenName: '<i>Grace</i>' }] : []));
    vi.stubGlobal('fetch', fetch);
    const { container } = render(<Patients me={{ username: 'nina', name: 'Nina', roles: ['nurse'] }} />);
    const box = screen.getByLabelText('Name, MRN, phone or birth date');
    fireEvent.input(box, { target: { value: 'h' } });
    fireEvent.input(box, { target: { value: 'ho' } });
    fireEvent.input(box, { target: { value: 'hop' } });

    await waitFor(() => expect(screen.getByText('1 patient(s) found.')).toBeTruthy());
    expect(container.querySelector('i')).toBeNull();
    expect(container.querySelector('#patient-results a')?.getAttribute('href')).toBe('/patient.html?id=p1');
    const searches = fetch.mock.calls.map((c) => String(c[0])).filter((u) => u.includes('q='));
    expect(searches).toEqual(['/api/intake/patients?q=hop']);
    expect(screen.queryByText('Register a referred patient')).toBeNull();
  });

  it('moves from the box into the results with the arrow keys', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer([grace, { ...grace, id: 'p2', mrn: 'MRN-000002' }])));
    render(<Patients me={{ username: 'nina', name: 'Nina', roles: ['nurse'] }} />);
    await waitFor(() => expect(screen.getByText('2 patient(s) found.')).toBeTruthy());
    const box = screen.getByLabelText('Name, MRN, phone or birth date');
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const links = document.querySelectorAll('#patient-results a');
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(links[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(links[1], { key: 'Escape' });
    expect(document.activeElement).toBe(box);
  });

  it('lets the front desk resolve a likely duplicate by confirming a new person', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn((_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        posts.push(body);
        return body.confirmedNotDuplicate
          ? answer({ ...grace, id: 'p9', mrn: 'MRN-000009' }, 201)
          : answer({ title: 'Likely duplicate', status: 409, detail: 'resubmit with confirmedNotDuplicate=true', candidates: [grace] }, 409);
      }
      return answer([]);
    }));
    render(<Patients me={{ username: 'frank', name: 'Frank', roles: ['front-desk'] }} />);
    const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
    type('Given name', 'Grace');
    type('Family name', 'Hoper');
    type('Birth date', '1980-12-09');
    type('Referring clinician', 'Dr. Aiken');
    fireEvent.change(screen.getByLabelText('Indication'), { target: { value: 'TREATMENT_RESISTANT_DEPRESSION' } });
    fireEvent.click(screen.getByText('Register patient'));

    await waitFor(() => expect(screen.getByText(/This may be a patient the clinic already has/)).toBeTruthy());
    expect(screen.queryByText(/confirmedNotDuplicate/)).toBeNull();
    expect(screen.getByText('Hopper, Grace').getAttribute('href')).toBe('/patient.html?id=p1');
    fireEvent.click(screen.getByText(/Not the same person/));

    await waitFor(() => expect(screen.getByText('MRN-000009')).toBeTruthy());
    expect(posts.map((p) => (p as { confirmedNotDuplicate: boolean }).confirmedNotDuplicate)).toEqual([false, true]);
  });

  it('shows a patient just registered in the results above at once', async () => {
    let registered = false;
    vi.stubGlobal('fetch', vi.fn((_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        registered = true;
        return answer({ ...grace, id: 'p9', mrn: 'MRN-000009' }, 201);
      }
      return answer(registered ? [{ ...grace, id: 'p9', mrn: 'MRN-000009' }] : []);
    }));
    render(<Patients me={{ username: 'frank', name: 'Frank', roles: ['front-desk'] }} />);
    await waitFor(() => expect(screen.getByText('No patient found.')).toBeTruthy());
    const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
    type('Given name', 'Grace');
    type('Family name', 'Hopper');
    type('Birth date', '1980-12-09');
    type('Referring clinician', 'Dr. Aiken');
    fireEvent.change(screen.getByLabelText('Indication'), { target: { value: 'TREATMENT_RESISTANT_DEPRESSION' } });
    fireEvent.click(screen.getByText('Register patient'));

    await waitFor(() => expect(screen.getByText('1 patient(s) found.')).toBeTruthy());
  });

  it('shows what is missing next to each field before anything is sent', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => answer([]));
    vi.stubGlobal('fetch', fetch);
    render(<Patients me={{ username: 'frank', name: 'Frank', roles: ['front-desk'] }} />);
    fireEvent.click(screen.getByText('Register patient'));
    await waitFor(() => expect(screen.getByText('Given name is required.')).toBeTruthy());
    expect(screen.getByLabelText('Given name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Given name').getAttribute('aria-describedby')).toBe('register-givenName-error');
    expect(fetch.mock.calls.some((c) => (c[1] as RequestInit | undefined)?.method === 'POST')).toBe(false);
  });
});
