import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PatientPage } from './PatientPage';

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const patient = {
  id: 'p1', mrn: 'MRN-000001', givenName: 'Grace', familyName: 'Hopper', birthDate: '1980-12-09', phone: null,
  status: 'SCREENED', version: 3, openReviewFlags: [], decisions: [], safetyAlerts: [],
  referrals: [{ id: 'r1', referringClinician: 'Dr. Aiken', reason: null, indication: 'TREATMENT_RESISTANT_DEPRESSION',
    state: 'SCREENED', receivedAt: '2026-03-01T08:00:00Z' }],
  screenings: [{ id: 's1', phq9: [2, 2, 2, 2, 2, 1, 1, 1, 0], phq9Total: 13, phq9Band: 'MODERATE', suicideRiskFlag: false,
    gad7: null, pcl5: null, cssrs: null, urgent: false, vitals: { systolic: 120, diastolic: 80, heartRate: 70, weightKg: 70 },
    diagnoses: [], antidepressantTrials: [], medicalHistory: [], substanceUse: null, onMoodStabiliser: null,
    currentMedications: [], proposal: { outcome: 'CLEARED', reasons: [], rulesVersion: 1 }, screenedBy: 'dr.house',
    screenedAt: '2026-03-02T08:00:00Z' }],
};

/** The front desk's chart: intake's alerts instead of the screenings and decisions they come from. */
const { screenings: _screenings, decisions: _decisions, ...deskChart } = {
  ...patient,
  safetyAlerts: [
    { kind: 'suicide-risk', text: 'Suicide risk: PHQ-9 item 9 answered 1 at the latest screening' },
    { kind: 'allergy', text: 'Allergy: hypersensitivity to ketamine' },
  ],
};

const courses = [{ id: 'c1', patientId: 'p1', status: 'PAUSED', pauseReason: 'Serious adverse event', cancellationReason: null,
  plannedInfusions: 2, completedInfusions: 1,
  appointments: [{ id: 'a1', chairId: 'ch1', chairName: 'Chair 1', start: '2026-03-09T08:00:00Z', end: '2026-03-09T09:50:00Z',
    status: 'fulfilled', sequence: 1, onHold: false }] }];

function stub(chart: object = patient) {
  const fetch = vi.fn((url: string) => {
    if (url === '/api/intake/patients/p1') return answer(chart);
    if (url.startsWith('/api/scheduling/courses')) return answer(courses);
    if (url === '/api/scheduling/sites') return answer([{ id: 's1', name: 'Main', timeZone: 'Europe/Zurich', timeZoneSource: 'clinic-settings' }]);
    if (url.startsWith('/api/scheduling/calendar')) return answer({ from: '2026-12-09' });
    if (url.startsWith('/api/scheduling/chairs')) return answer([{ id: 'ch1', siteId: 's1' }]);
    if (url.startsWith('/api/intake/patients/p1/outcomes')) {
      return answer({ instrument: 'PHQ-9', points: [], baseline: null, latest: null, change: null, changePercent: null,
        response: false, remission: false, infusionsSinceBaseline: 0, futility: false, responseDropPercent: 50, remissionBelow: 5 });
    }
    if (url.startsWith('/api/session/records')) return answer([]);
    if (url === '/api/intake/dose-range') return answer({ minMgPerKg: 0.1, maxMgPerKg: 1.0, defaultMgPerKg: 0.5 });
    if (url === '/api/intake/instruments/score') return answer({ phq9: null, gad7: null, pcl5: null, cssrs: null, suicideRisk: false });
    return answer({}, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("a patient's chart", () => {
  it("shows the front desk the banner with intake's alerts, details, referrals and the course, and nothing clinical", async () => {
    const fetch = stub(deskChart);
    const { container } = render(<PatientPage me={{ username: 'frank', name: 'Frank', roles: ['front-desk'] }} patientId="p1" />);
    await waitFor(() => expect(screen.getByText('Hopper, Grace')).toBeTruthy());
    await waitFor(() => expect(screen.getByText('Course paused: Serious adverse event')).toBeTruthy());
    expect([...container.querySelectorAll('#banner-alerts li')].map((li) => li.textContent)).toEqual([
      'Suicide risk: PHQ-9 item 9 answered 1 at the latest screening',
      'Course paused: Serious adverse event',
      'Allergy: hypersensitivity to ketamine',
    ]);
    expect(container.querySelector('#banner-born')?.textContent).toBe('born 9 Dec 1980 (46 years)');
    expect(screen.getByText('Edit details')).toBeTruthy();
    expect(screen.getByText(/9 Mar 2026, 09:00 \(Zurich\)/)).toBeTruthy();
    expect(screen.getByText('Infusion 2 · not booked yet')).toBeTruthy();
    expect(container.querySelector('#screening-form')).toBeNull();
    expect(container.querySelector('#decision-form')).toBeNull();
    expect(container.querySelector('#screenings')).toBeNull();
    const asked = fetch.mock.calls.map((c) => String(c[0]));
    expect(asked.some((u) => u.startsWith('/api/session') || u.includes('/outcomes'))).toBe(false);
  });

  it('gives a clinician the screening and decision forms and no way to edit the details', async () => {
    stub();
    const { container } = render(<PatientPage me={{ username: 'dr', name: 'Dr', roles: ['clinician'] }} patientId="p1" />);
    await waitFor(() => expect(container.querySelector('#screening-form')).not.toBeNull());
    expect(container.querySelector('#decision-form')).not.toBeNull();
    expect(screen.getByText('The rules propose to clear the patient; declining instead needs your reason.')).toBeTruthy();
    expect(screen.queryByText('Edit details')).toBeNull();
    expect(screen.queryByText('Add a referral')).toBeNull();
  });
});
