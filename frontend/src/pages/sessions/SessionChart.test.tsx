import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryQueue } from './queue';
import { sendEntry } from './send';
import { SessionChart } from './SessionChart';
import type { ScheduledSession, SessionRecord, VitalsSeries } from './types';

const appointment: ScheduledSession = {
  appointmentId: 'a1',
  patientId: 'p1',
  patientName: '<img src=x onerror=alert(1)>',
  mrn: 'MRN-000042',
  kind: 'INFUSION',
  position: 'Infusion 2 of 6',
  courseStatus: 'ACTIVE',
  dosingPaused: false,
  siteId: 's1',
  siteName: 'Main clinic',
  timeZone: 'Europe/Zurich',
  chairName: 'Chair 3',
  day: '2026-11-30',
  start: '2026-11-30T08:45:00Z',
  end: '2026-11-30T10:35:00Z',
  recordId: 'r1',
};

const record: SessionRecord = {
  id: 'r1',
  appointmentId: 'a1',
  patientId: 'p1',
  patientName: 'Mary Seacole',
  status: 'IN_PROGRESS',
  phase: 'PRE_DOSE',
  asOf: new Date().toISOString(),
  dosePlan: { route: 'IV', mgPerKg: 0.5, minMgPerKg: 0.1, maxMgPerKg: 1.0 },
  openedBy: 'nina',
  openedAt: '2026-11-30T08:40:00Z',
  courseOrderOverride: null,
  checkIn: {
    identityConfirmed: true,
    escortConfirmed: true,
    escortName: 'Jo Seacole',
    fasting: true,
    medicationChanges: null,
    phq9Items: [1, 1, 1, 1, 1, 1, 1, 2, 0],
    phq9Total: 9,
    phq9SuicideRiskFlag: false,
    checkedInBy: 'nina',
    checkedInAt: '2026-11-30T08:42:00Z',
  },
  awaitingBpConfirmation: false,
  preDoseClearance: null,
  dosing: null,
  infusionEnd: null,
  vitals: [
    { takenAt: '2026-11-30T08:44:00Z', takenBy: 'nina', phase: 'PRE_DOSE', systolic: 128, diastolic: 82, heartRate: 74,
      spo2: 98, respiratoryRate: 14, breaches: [] },
  ],
  readings: [],
  alerts: [],
  sideEffects: [],
  cadssScores: [],
  adverseEvents: [],
  discharge: null,
  openDischargeCriteria: [{ criterion: 'DOSE_GIVEN', detail: 'No dose is recorded' }],
  nurseSignature: null,
  clinicianSignature: null,
  addenda: [],
  notes: null,
  version: 4,
  doseLimits: { planDeviationPercent: 5, ivInfusionShortestMinutes: 35, ivInfusionLongestMinutes: 60,
    preDoseSystolicAbove: 140, preDoseDiastolicAbove: 90 },
};

const series: VitalsSeries = {
  takenAt: ['2026-11-30T08:44:00Z'],
  phase: ['PRE_DOSE'],
  systolic: [128],
  diastolic: [82],
  heartRate: [74],
  spo2: [98],
  respiratoryRate: [14],
  limits: { systolicAbove: 180, diastolicAbove: 110, heartRateAbove: 120, spo2Below: 92 },
  dosedAt: null,
  infusionEndedAt: null,
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }));
}

type Handler = (url: string, init?: RequestInit) => Promise<Response> | undefined;

/** The services behind the gateway as a test sets them up: the reads answer the fixtures, {@code post} the rest. */
function services(post: Handler = () => undefined, chart: SessionRecord = record, safetyAlerts: unknown[] = []) {
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      return post(url, init) ?? json({ title: 'Not here' }, 404);
    }
    if (url === '/api/session/appointments/a1') return json(appointment);
    if (url === '/api/session/records/r1') return json(chart);
    if (url === '/api/session/records/r1/vitals-series') return json(series);
    if (url === '/api/intake/patients/p1') return json({ mrn: 'MRN-000042', givenName: 'Mary', familyName: 'Seacole', birthDate: '1965-12-01', safetyAlerts });
    return json({ title: 'Not here' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function memoryQueue(user: string) {
  const items = new Map<string, string>();
  return new EntryQueue({
    send: sendEntry,
    user,
    storage: { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) },
    later: () => () => undefined,
  });
}

const nurse = { username: 'nina', name: 'Nina', roles: ['nurse'] };
const clinician = { username: 'dr.house', name: 'Dr House', roles: ['clinician'] };

afterEach(() => vi.unstubAllGlobals());

describe('the session chart', () => {
  it('names the patient first: name as text, MRN, birth date and age on the clinic day, infusion, chair, time with its zone', async () => {
    services(undefined, { ...record, checkIn: null });
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={memoryQueue('nina')} />);

    await waitFor(() => expect(screen.getByText('Mary Seacole')).toBeTruthy());
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('MRN-000042')).toBeTruthy();
    // 1 Dec 1965: on 30 Nov 2026 not yet 61
    expect(container.querySelector('#banner-birth')!.textContent).toBe('1 Dec 1965 (60 y)');
    expect(container.querySelector('#banner-position')!.textContent).toBe('Infusion 2 of 6');
    expect(container.querySelector('#banner-chair')!.textContent).toBe('Chair 3 · Main clinic');
    expect(container.querySelector('#banner-time')!.textContent).toBe('Mon, 30 Nov 2026, 09:45–11:35 (Zurich time)');
  });

  it('shows intake\'s alerts about the patient at the chair, in intake\'s words', async () => {
    services(undefined, { ...record, checkIn: null }, [
      { kind: 'allergy', text: 'Hypersensitivity to ketamine recorded at screening' },
      { kind: 'suicide-risk', text: 'C-SSRS high risk at the latest screening' },
    ]);
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={memoryQueue('nina')} />);

    await waitFor(() => expect(container.querySelector('#banner-alert-allergy')).toBeTruthy());
    expect(container.querySelector('#banner-alert-allergy')!.textContent).toBe('Hypersensitivity to ketamine recorded at screening');
    expect(container.querySelector('#banner-alert-suicide-risk')!.textContent).toBe('C-SSRS high risk at the latest screening');
  });

  it('shows what the check-in saved, and a nurse the nurse\'s forms and signature only', async () => {
    services();
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={memoryQueue('nina')} />);

    await waitFor(() => expect(container.querySelector('#check-in-saved')).toBeTruthy());
    expect(container.querySelector('#check-in-saved')!.textContent).toContain('Jo Seacole');
    expect(container.querySelector('#check-in-phq9-total')!.textContent).toBe('9 (answers 1, 1, 1, 1, 1, 1, 1, 2, 0)');
    expect(container.querySelector('#check-in-form')).toBeNull();
    expect(container.querySelector('#vitals-form')).toBeTruthy();
    expect(container.querySelector('#dose-form')).toBeTruthy();
    expect(container.querySelector('#nurse-sign-button')).toBeTruthy();
    expect(container.querySelector('#clinician-sign-button')).toBeNull();
    expect(container.querySelector('#vitals-chart')!.getAttribute('data-readings')).toBe('1');
  });

  it('shows a clinician the blood pressure to confirm and the clinician\'s signature, and no nurse\'s form', async () => {
    services(undefined, { ...record, awaitingBpConfirmation: true });
    const { container } = render(<SessionChart me={clinician} appointmentId="a1" queue={memoryQueue('dr.house')} />);

    await waitFor(() => expect(container.querySelector('#bp-confirmation-form')).toBeTruthy());
    expect(container.querySelector('#bp-warning')!.textContent).toContain('above 140/90 mmHg');
    expect(container.querySelector('#clinician-sign-button')).toBeTruthy();
    expect(container.querySelector('#nurse-sign-button')).toBeNull();
    expect(container.querySelector('#vitals-form')).toBeNull();
    expect(container.querySelector('#dose-form')).toBeNull();
  });

  it('shows the front desk no chart and asks the session service nothing', async () => {
    const fetch = services();
    const { container } = render(
      <SessionChart me={{ username: 'frank', name: 'Frank', roles: ['front-desk'] }} appointmentId="a1" queue={memoryQueue('frank')} />,
    );
    expect(container.querySelector('#chart-not-allowed')).toBeTruthy();
    expect(container.querySelector('button')).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch.mock.calls.some((c) => String(c[0]).startsWith('/api/session'))).toBe(false);
  });

  it('gives every reason the infusion rules refuse to open the record for', async () => {
    services(() =>
      json(
        {
          title: 'Conflict',
          detail: 'Too early',
          reason: 'TOO_EARLY',
          reasons: [
            { reason: 'TOO_EARLY', message: 'The record opens from 07:45 (2 h before the start)' },
            { reason: 'TOO_SOON_AFTER_LAST_DOSE', message: 'The last dose was 20 h ago; at least 24 h must pass' },
          ],
        },
        409,
      ),
    );
    vi.stubGlobal('fetch', wrapAppointment(globalThis.fetch as never, { ...appointment, recordId: null }));
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={memoryQueue('nina')} />);

    await waitFor(() => expect(container.querySelector('#open-record-button')).toBeTruthy());
    fireEvent.click(container.querySelector('#open-record-button')!);

    await waitFor(() => expect(container.querySelector('#open-record-problem')).toBeTruthy());
    const reasons = [...container.querySelectorAll('#open-record-problem li')].map((li) => li.getAttribute('data-reason'));
    expect(reasons).toEqual(['TOO_EARLY', 'TOO_SOON_AFTER_LAST_DOSE']);
    expect(container.querySelector('#open-record-problem')!.textContent).toContain('at least 24 h must pass');
  });

  it('puts the refusal of a too-fast rate next to the rate, with the rates that fit', async () => {
    const refusal = {
      title: 'Invalid input',
      detail: 'infusionRateMgPerHour: 34.25 mg at 2000 mg/h runs 1 min; an IV infusion runs 35–60 min, so set 34.3–58.7 mg/h',
      errors: [{ field: 'infusionRateMgPerHour', message: '34.25 mg at 2000 mg/h runs 1 min; an IV infusion runs 35–60 min, so set 34.3–58.7 mg/h' }],
    };
    const fetch = services((url) => (url.endsWith('/dose') ? json(refusal, 400) : undefined));
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={memoryQueue('nina')} />);

    await waitFor(() => expect(container.querySelector('#dose-form')).toBeTruthy());
    fireEvent.input(container.querySelector('#dose-weight')!, { target: { value: '68.5' } });
    fireEvent.input(container.querySelector('#dose-rate')!, { target: { value: '2000' } });
    fireEvent.input(container.querySelector('#dose-lot')!, { target: { value: 'KET-1' } });
    fireEvent.input(container.querySelector('#dose-prepared-by')!, { target: { value: 'olga' } });
    expect(container.querySelector('#dose-rates')!.textContent).toContain('Rates that fit: 34.3–58.7 mg/h');
    expect(container.querySelector('#dose-at-rate')!.textContent).toContain('runs 1 min: too fast');
    fireEvent.submit(container.querySelector('#dose-form')!);

    await waitFor(() => expect(container.querySelector('#dose-rate-error')).toBeTruthy());
    expect(container.querySelector('#dose-rate-error')!.textContent).toContain('so set 34.3–58.7 mg/h');
    expect(container.querySelector('#dose-rate')!.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('#dose-problem')!.textContent).toBe('The dose was not recordedSee the field marked below.');
    const sent = fetch.mock.calls.find((c) => String(c[0]).endsWith('/dose'))!;
    const headers = sent[1]!.headers as Record<string, string>;
    expect(headers['If-Match']).toBe('"4"');
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(String(sent[1]!.body))).toEqual({
      weightKg: 68.5, doseMg: null, infusionRateMgPerHour: 2000, drugLot: 'KET-1', preparedBy: 'olga',
    });
  });

  it('keeps a reading made offline on the tablet and sends it once the network is back, with the same key', async () => {
    let offline = true;
    const posts: RequestInit[] = [];
    services((url, init) => {
      if (!url.endsWith('/vitals')) return undefined;
      posts.push(init!);
      return offline ? Promise.reject(new TypeError('Failed to fetch')) : json({ takenAt: 'x', breaches: [] }, 201, { ETag: '"5"' });
    });
    const queue = memoryQueue('nina');
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={queue} />);

    await waitFor(() => expect(container.querySelector('#vitals-form')).toBeTruthy());
    for (const [id, value] of [['systolic', '132'], ['diastolic', '84'], ['heart-rate', '78'], ['spo2', '97'], ['respiratory-rate', '14']]) {
      fireEvent.input(container.querySelector('#vitals-' + id)!, { target: { value } });
    }
    fireEvent.submit(container.querySelector('#vitals-form')!);

    await waitFor(() => expect(container.querySelector('#vitals-notice')!.textContent).toContain('Kept on this tablet'));
    expect(container.querySelector<HTMLInputElement>('#vitals-systolic')!.value).toBe('');
    expect(container.querySelector('#pending-entries')!.textContent).toContain('Vitals 132/84, HR 78, SpO2 97, RR 14');

    offline = false;
    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(queue.entries()).toEqual([]));
    expect(posts).toHaveLength(2);
    const keys = posts.map((p) => (p.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toBe(keys[1]);
    expect((posts[0].headers as Record<string, string>)['If-Match']).toBeUndefined();
  });

  it('shows an entry refused because the record changed meanwhile, with what to do', async () => {
    let offline = true;
    services((url) => {
      if (!url.endsWith('/discharge-checklist')) return undefined;
      return offline
        ? Promise.reject(new TypeError('Failed to fetch'))
        : json({ title: 'Conflict', reason: 'RECORD_CHANGED', detail: 'Someone saved another entry on this record after you read it' }, 409);
    });
    const queue = memoryQueue('nina');
    const { container } = render(<SessionChart me={nurse} appointmentId="a1" queue={queue} />);

    await waitFor(() => expect(container.querySelector('#discharge-form')).toBeTruthy());
    fireEvent.click(container.querySelector('#discharge-gait')!);
    fireEvent.submit(container.querySelector('#discharge-form')!);
    await waitFor(() => expect(queue.entries()).toHaveLength(1));

    offline = false;
    window.dispatchEvent(new Event('online'));

    await waitFor(() => expect(container.querySelector('[data-entry-state="conflict"]')).toBeTruthy());
    const shown = container.querySelector('[data-entry-state="conflict"]')!.textContent!;
    expect(shown).toContain('not saved: the record changed');
    expect(shown).toContain('Someone saved another entry');
    expect(screen.getByText('Save it on the record as it is now')).toBeTruthy();
  });
});

/** The same services, with the appointment answered as {@code changed}. */
function wrapAppointment(fetch: (url: string, init?: RequestInit) => Promise<Response>, changed: ScheduledSession) {
  return (url: string, init?: RequestInit) => (url === '/api/session/appointments/a1' ? json(changed) : fetch(url, init));
}
