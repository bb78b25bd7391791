import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

const contact = {
  patientId: 'p1', email: 'grace@example.org', phone: '+41 44 000 00 00',
  consents: [{ channel: 'EMAIL', granted: true, recordedBy: 'frank', recordedAt: '2026-03-01T08:00:00Z' }],
};

/** As intake lists them (oldest first): a course confirmation, a reminder sent and skipped, one still pending. */
const reminders = [
  { id: 'rm1', patientId: 'p1', kind: 'COURSE_CONFIRMATION', courseId: 'c1', appointmentId: null, dueAt: '2026-03-02T09:00:00Z',
    status: 'DONE', closeReason: 'failed on a channel', deliveries: [
      { reminderId: 'rm1', channel: 'EMAIL', outcome: 'FAILED', address: 'grace@example.org', attempts: 5,
        detail: 'connection refused', updatedAt: '2026-03-02T10:00:00Z' },
    ] },
  { id: 'rm2', patientId: 'p1', kind: 'APPOINTMENT', courseId: 'c1', appointmentId: 'a1', dueAt: '2026-03-08T08:00:00Z',
    status: 'DONE', closeReason: 'sent', deliveries: [
      { reminderId: 'rm2', channel: 'SMS', outcome: 'SKIPPED_NO_CONSENT', address: null, attempts: 0,
        detail: 'no consent recorded', updatedAt: '2026-03-08T08:00:05Z' },
      { reminderId: 'rm2', channel: 'EMAIL', outcome: 'SENT', address: 'grace@example.org', attempts: 1, detail: null,
        updatedAt: '2026-03-08T08:00:04Z' },
    ] },
  { id: 'rm3', patientId: 'p1', kind: 'APPOINTMENT', courseId: 'c1', appointmentId: 'a2', dueAt: '2026-03-15T08:00:00Z',
    status: 'PENDING', closeReason: null, deliveries: [] },
];

type Answer = (url: string, init?: RequestInit) => Promise<Response> | undefined;

function stub(chart: object = patient, other: Answer = () => undefined) {
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    const given = other(url, init);
    if (given) return given;
    if (url === '/api/intake/patients/p1') return answer(chart);
    if (url === '/api/intake/patients/p1/contact') return answer(contact);
    if (url === '/api/intake/patients/p1/reminders') return answer([]);
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

describe("the patient's contact and reminders", () => {
  const frontDesk = { username: 'frank', name: 'Frank', roles: ['front-desk'] };

  afterEach(() => { document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'; });

  it('shows the front desk the e-mail, phone and consent to each channel with who recorded it and when', async () => {
    stub();
    render(<PatientPage me={frontDesk} patientId="p1" />);
    await waitFor(() => expect(document.getElementById('contact-email')?.textContent).toBe('grace@example.org'));
    expect(screen.getByRole('heading', { name: 'Contact and reminders' })).toBeTruthy();
    expect(document.getElementById('contact-phone')?.textContent).toBe('+41 44 000 00 00');
    await waitFor(() => expect(document.getElementById('contact-consent-email')?.textContent)
      .toBe('Yes, consented · recorded by frank, 1 Mar 2026, 09:00 (Zurich)'));
    expect(document.getElementById('contact-consent-sms')?.textContent).toBe('Not recorded yet');
    expect(document.getElementById('no-reminders')?.textContent).toBe('No reminder yet: one is planned when an infusion is booked.');
  });

  it('saves the e-mail and consents with a PUT carrying the CSRF token, and says so', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    const fetch = stub(patient, (url, init) => url === '/api/intake/patients/p1/contact' && init?.method === 'PUT'
      ? answer({ ...contact, email: 'grace@navy.mil', consents: [
        { channel: 'EMAIL', granted: false, recordedBy: 'frank', recordedAt: '2026-03-03T08:00:00Z' },
        { channel: 'SMS', granted: true, recordedBy: 'frank', recordedAt: '2026-03-03T08:00:00Z' }] })
      : undefined);
    render(<PatientPage me={frontDesk} patientId="p1" />);
    await waitFor(() => expect(document.getElementById('edit-contact')).not.toBeNull());
    fireEvent.click(document.getElementById('edit-contact')!);
    expect(screen.getByLabelText('E-mail (optional)')).toBeTruthy();
    expect((screen.getByLabelText('Reminders by e-mail') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Reminders by text message (SMS)') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/Unticking a consent is the patient's opt-out/)).toBeTruthy();
    fireEvent.input(document.getElementById('contact-email-input')!, { target: { value: ' grace@navy.mil ' } });
    fireEvent.click(document.getElementById('contact-emailConsent')!);
    fireEvent.click(document.getElementById('contact-smsConsent')!);
    fireEvent.submit(document.getElementById('contact-form')!);

    await waitFor(() => expect(document.getElementById('contact-saved')?.textContent).toBe('Contact and consent saved.'));
    const put = fetch.mock.calls.find((c) => c[1]?.method === 'PUT')!;
    expect(put[0]).toBe('/api/intake/patients/p1/contact');
    expect(JSON.parse(String(put[1]!.body))).toEqual({ email: 'grace@navy.mil', emailConsent: false, smsConsent: true });
    expect((put[1]!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('token-1');
    expect(document.getElementById('contact-email')?.textContent).toBe('grace@navy.mil');
    expect(document.getElementById('contact-consent-email')?.textContent).toMatch(/^No \(opted out\) · recorded by frank, 3 Mar 2026/);
    expect(document.getElementById('contact-consent-sms')?.textContent).toMatch(/^Yes, consented · recorded by frank, 3 Mar 2026/);
  });

  it("shows a refusal's field errors next to their fields and keeps the form", async () => {
    stub(patient, (url, init) => url === '/api/intake/patients/p1/contact' && init?.method === 'PUT'
      ? Promise.resolve(new Response(JSON.stringify({ title: 'Invalid input', status: 400,
        detail: 'email: must be a well-formed email address',
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'smsConsent', message: "consent to text reminders needs the patient's phone number (correct the patient's details first)" },
        ] }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }))
      : undefined);
    render(<PatientPage me={frontDesk} patientId="p1" />);
    await waitFor(() => expect(document.getElementById('edit-contact')).not.toBeNull());
    fireEvent.click(document.getElementById('edit-contact')!);
    fireEvent.input(document.getElementById('contact-email-input')!, { target: { value: 'grace@' } });
    fireEvent.click(document.getElementById('contact-smsConsent')!);
    fireEvent.submit(document.getElementById('contact-form')!);

    await waitFor(() => expect(document.getElementById('contact-email-input-error')?.textContent)
      .toBe('E-mail is not a valid e-mail address.'));
    expect(document.getElementById('contact-smsConsent-error')?.textContent)
      .toBe("Consent to text reminders needs the patient's phone number (correct the patient's details first).");
    const email = document.getElementById('contact-email-input')!;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('contact-email-input-error');
    expect(document.getElementById('contact-smsConsent')!.getAttribute('aria-describedby')).toContain('contact-smsConsent-error');
    expect(document.getElementById('contact-error')?.textContent).toContain('Please correct the fields marked below.');
    expect(document.getElementById('contact-saved')).toBeNull();
  });

  it('lists the reminders newest first, each channel with its outcome in words and what it was for', async () => {
    stub(patient, (url) => url === '/api/intake/patients/p1/reminders' ? answer(reminders) : undefined);
    const { container } = render(<PatientPage me={frontDesk} patientId="p1" />);
    await waitFor(() => expect(container.querySelector('#reminder-list')).not.toBeNull());
    await waitFor(() => expect(container.querySelector('#reminder-list th')?.textContent).toBe('Due (Zurich)'));
    expect([...container.querySelectorAll('#reminder-list th')].map((th) => th.textContent))
      .toEqual(['Due (Zurich)', 'For', 'Channel', 'Status']);
    expect([...container.querySelectorAll('#reminder-list tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
      .toEqual([
        ['15 Mar 2026, 09:00', 'Appointment', 'none yet', 'Pending'],
        ['8 Mar 2026, 09:00', 'Infusion 1 · 9 Mar 2026, 09:00 (Zurich)', 'E-mail to grace@example.org', 'Sent'],
        ['8 Mar 2026, 09:00', 'Infusion 1 · 9 Mar 2026, 09:00 (Zurich)', 'SMS', 'Skipped: no consent (no consent recorded)'],
        ['2 Mar 2026, 10:00', 'Course confirmation', 'E-mail to grace@example.org', 'Failed (attempt 5) (connection refused)'],
      ]);
  });

  it('is not there for clinical staff, and nothing of it is asked for', async () => {
    const fetch = stub();
    const { container } = render(<PatientPage me={{ username: 'nina', name: 'Nina', roles: ['nurse'] }} patientId="p1" />);
    await waitFor(() => expect(screen.getByText('Hopper, Grace')).toBeTruthy());
    await waitFor(() => expect(container.querySelector('#sessions')).not.toBeNull());
    expect(container.querySelector('#contact')).toBeNull();
    expect(screen.queryByText('Contact and reminders')).toBeNull();
    const asked = fetch.mock.calls.map((c) => String(c[0]));
    expect(asked.some((u) => u.endsWith('/contact') || u.endsWith('/reminders'))).toBe(false);
  });
});
