import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PatientBanner } from './PatientBanner';
import { type BannerPatient, bannerAlerts } from './patientBanner';

const patient: BannerPatient = {
  id: 'p1', mrn: 'MRN-000042', givenName: 'Grace', familyName: '<b>Hopper</b>', birthDate: '1980-12-09',
  status: 'SCREENED', decisions: [], openReviewFlags: [],
  screenings: [
    { id: 's1', phq9: [0, 0, 0, 0, 0, 0, 0, 0, 0], suicideRiskFlag: false, cssrs: null, medicalHistory: [],
      screenedAt: '2026-01-01T09:00:00Z' },
    { id: 's2', phq9: [2, 2, 2, 2, 2, 1, 1, 1, 2], suicideRiskFlag: true,
      cssrs: { highRisk: true, q4: true, q5: false, q6: true }, medicalHistory: ['KETAMINE_HYPERSENSITIVITY'],
      screenedAt: '2026-02-01T09:00:00Z' },
  ],
};

describe('the patient banner', () => {
  it('names the patient as text with MRN, birth date and age on the clinic date', () => {
    const { container } = render(<PatientBanner patient={patient} courses={[]} today="2026-12-09" />);
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>Hopper</b>, Grace')).toBeTruthy();
    expect(screen.getByText('MRN-000042')).toBeTruthy();
    expect(container.querySelector('#banner-born')?.textContent).toBe('born 9 Dec 1980 (46 years)');
  });

  it('raises suicide risk from the latest screening, review flags, a paused course, a decline and an allergy', () => {
    const alerts = bannerAlerts(
      { ...patient, status: 'DECLINED',
        openReviewFlags: [{ id: 'f1', grade: 'SERIOUS', reason: 'Hypertensive crisis', raisedAt: '2026-02-02T10:00:00Z' }],
        decisions: [{ id: 'd1', outcome: 'DECLINED', reason: 'Pregnancy', decidedBy: 'dr.house', decidedAt: '2026-02-03T10:00:00Z' }] },
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
  });

  it('raises nothing for a patient without alerts', () => {
    expect(bannerAlerts({ ...patient, screenings: [patient.screenings[0]] }, null)).toEqual([]);
  });
});
