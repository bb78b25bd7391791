import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PatientBanner } from './PatientBanner';
import { type BannerPatient, bannerAlerts } from './patientBanner';

const patient: BannerPatient = {
  id: 'p1', mrn: 'MRN-000042', givenName: 'Grace', familyName: '<b>Hopper</b>', birthDate: '1980-12-09',
  status: 'SCREENED', openReviewFlags: [], safetyAlerts: [],
};

/** As intake words them for a declined patient with every risk answer at the latest screening. */
const intakeAlerts: BannerPatient['safetyAlerts'] = [
  { kind: 'suicide-risk', text: 'Suicide risk: PHQ-9 item 9 answered 2 at the latest screening' },
  { kind: 'suicide-risk', text: 'Suicide risk: C-SSRS high risk (yes to Q4, Q6)' },
  { kind: 'declined', text: 'Declined by dr.house: Pregnancy' },
  { kind: 'allergy', text: 'Allergy: hypersensitivity to ketamine' },
];

describe('the patient banner', () => {
  it('names the patient as text with MRN, birth date and age on the clinic date', () => {
    const { container } = render(<PatientBanner patient={patient} courses={[]} today="2026-12-09" />);
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>Hopper</b>, Grace')).toBeTruthy();
    expect(screen.getByText('MRN-000042')).toBeTruthy();
    expect(container.querySelector('#banner-born')?.textContent).toBe('born 9 Dec 1980 (46 years)');
  });

  it("shows intake's alerts with review flags and a paused course, suicide risk first", () => {
    const alerts = bannerAlerts(
      { ...patient, status: 'DECLINED', safetyAlerts: intakeAlerts,
        openReviewFlags: [{ id: 'f1', grade: 'SERIOUS', reason: 'Hypertensive crisis', raisedAt: '2026-02-02T10:00:00Z' }] },
      [{ id: 'c1', status: 'PAUSED', pauseReason: 'Serious adverse event' }],
    );
    expect(alerts.map((a) => a.text)).toEqual([
      'Suicide risk: PHQ-9 item 9 answered 2 at the latest screening',
      'Suicide risk: C-SSRS high risk (yes to Q4, Q6)',
      'Review: serious adverse event — Hypertensive crisis',
      'Course paused: Serious adverse event',
      'Declined by dr.house: Pregnancy',
      'Allergy: hypersensitivity to ketamine',
    ]);
    expect(alerts.map((a) => a.kind)).toEqual(['suicide-risk', 'suicide-risk', 'review-flag', 'paused-course', 'declined', 'allergy']);
  });

  it('shows each alert as text in the banner, styled by its kind', () => {
    const { container } = render(
      <PatientBanner patient={{ ...patient, safetyAlerts: [{ kind: 'allergy', text: '<i>Allergy</i>: hypersensitivity to ketamine' }] }}
        courses={null} today={null} />,
    );
    const shown = container.querySelectorAll('#banner-alerts li');
    expect(shown).toHaveLength(1);
    expect(shown[0].getAttribute('data-alert')).toBe('allergy');
    expect(shown[0].textContent).toBe('<i>Allergy</i>: hypersensitivity to ketamine');
    expect(container.querySelector('i')).toBeNull();
  });

  it('raises nothing for a patient without alerts', () => {
    expect(bannerAlerts(patient, null)).toEqual([]);
    expect(bannerAlerts(patient, [{ id: 'c1', status: 'ACTIVE', pauseReason: null }])).toEqual([]);
  });
});
