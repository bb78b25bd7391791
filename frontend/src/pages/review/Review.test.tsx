import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Review } from './Review';

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const queue = [
  { patientId: 'p2', mrn: 'MRN-2', patientName: 'Calm Patient', screeningId: 's2', screenedAt: '2026-03-01T08:00:00Z',
    proposedOutcome: 'CLEARED', urgent: false, reasons: [], flags: [] },
  { patientId: 'p1', mrn: 'MRN-1', patientName: 'Urgent Patient', screeningId: 's1', screenedAt: '2026-03-02T08:00:00Z',
    proposedOutcome: 'NEEDS_REVIEW', urgent: true, flags: [],
    reasons: [{ ruleId: 'suicide-risk-phq9-item9', description: 'PHQ-9 item 9 above 0: urgent suicide-risk review',
      severity: 'RELATIVE', answer: 'PHQ-9 item 9 = 1' }] },
];

const bp = [{ id: 'r1', patientId: 'p3', patientName: 'Bp Patient', mrn: 'MRN-3', position: 'Infusion 2 of 6',
  siteName: 'Main clinic', timeZone: 'Europe/Zurich', chairName: 'Chair 1', start: '2026-03-02T08:00:00Z',
  openedAt: '2026-03-02T07:30:00Z', nurseSignature: null,
  preDoseReading: { systolic: 156, diastolic: 92, heartRate: 80, takenAt: '2026-03-02T07:45:00Z', takenBy: 'nina' } }];

afterEach(() => vi.unstubAllGlobals());

function stub(posts: { url: string; body: unknown }[]) {
  vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posts.push({ url, body: JSON.parse(String(init.body ?? 'null')) });
      return answer({ id: 'd1', outcome: 'CLEARED', decidedBy: 'dr.house', decidedAt: '2026-03-02T09:00:00Z' }, 201);
    }
    if (url === '/api/intake/review-queue') return answer(queue);
    if (url.includes('awaiting=BP_CONFIRMATION')) return answer(bp);
    if (url.includes('awaiting=CLINICIAN_SIGN_OFF')) return answer([]);
    if (url === '/api/scheduling/sites') return answer([{ id: 's1', name: 'Main', timeZone: 'Europe/Zurich', timeZoneSource: 'clinic-settings' }]);
    if (url.startsWith('/api/scheduling/calendar')) return answer({ from: '2026-03-02' });
    if (url === '/api/intake/dose-range') return answer({ minMgPerKg: 0.1, maxMgPerKg: 1.0, defaultMgPerKg: 0.5 });
    if (url.startsWith('/api/intake/patients/')) return answer({ id: 'p1', decisions: [] });
    return answer({}, 404);
  }));
}

describe('the review page', () => {
  it('shows the urgent first with the rule that fired and the answer that triggered it', async () => {
    stub([]);
    const { container } = render(<Review me={{ username: 'dr', name: 'Dr', roles: ['clinician'] }} />);
    await waitFor(() => expect(screen.getByText('Urgent Patient')).toBeTruthy());
    const names = Array.from(container.querySelectorAll('#review-queue h3 a')).map((a) => a.textContent);
    expect(names).toEqual(['Urgent Patient', 'Calm Patient']);
    expect(screen.getByText('PHQ-9 item 9 = 1')).toBeTruthy();
    expect(screen.getByText('156/92 mmHg')).toBeTruthy();
  });

  it('signs a clearance of a screening sent for review only with a reason, with the dose plan from the clinic range', async () => {
    const posts: { url: string; body: unknown }[] = [];
    stub(posts);
    const { container } = render(<Review me={{ username: 'dr', name: 'Dr', roles: ['clinician'] }} />);
    await waitFor(() => expect(screen.getByText('Urgent Patient')).toBeTruthy());
    fireEvent.click(container.querySelector("[data-patient-id='p1'] button.decide")!);
    await waitFor(() => expect(container.querySelector('#decide-p1-form')).not.toBeNull());
    fireEvent.click(container.querySelector("input[name='decide-p1-outcome'][value='CLEARED']")!);
    await waitFor(() => expect((container.querySelector('#decide-p1-mg-per-kg') as HTMLInputElement).value).toBe('0.5'));
    expect(screen.getByLabelText('Reason (required)')).toBeTruthy();
    fireEvent.click(container.querySelector('#decide-p1-sign')!);
    await waitFor(() => expect(screen.getByText('A screening sent for review needs your reason for the decision.')).toBeTruthy());
    expect(posts).toEqual([]);

    fireEvent.input(container.querySelector('#decide-p1-reason')!, { target: { value: 'Safety plan agreed' } });
    fireEvent.click(container.querySelector('#decide-p1-sign')!);
    await waitFor(() => expect(screen.getByText(/signed: cleared/)).toBeTruthy());
    expect(posts[0]).toEqual({
      url: '/api/intake/patients/p1/eligibility-decisions',
      body: { screeningId: 's1', outcome: 'CLEARED', reason: 'Safety plan agreed', dosePlan: { route: 'IV', mgPerKg: 0.5 },
        supersedesDecisionId: null },
    });
  });

  it('shows an administrator the queue without the buttons that sign', async () => {
    stub([]);
    const { container } = render(<Review me={{ username: 'ada', name: 'Ada', roles: ['admin'] }} />);
    await waitFor(() => expect(screen.getByText('Urgent Patient')).toBeTruthy());
    expect(container.querySelector('button.decide')).toBeNull();
    expect(container.querySelector('#confirm-r1')).toBeNull();
  });
});
