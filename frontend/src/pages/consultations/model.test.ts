import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import {
  type PatientSummary,
  addDays,
  typedDate,
  byDay,
  fieldError,
  localDate,
  notKnownYet,
  reasonProblem,
  referredOnly,
  searchable,
  statusLabel,
} from './model';

const patient = (status: PatientSummary['status']): PatientSummary => ({
  id: status, mrn: 'MRN-1', givenName: 'Ada', familyName: 'Lovelace', birthDate: '1985-12-10', status,
});

describe('the patient search', () => {
  it('is sent from two characters on, trimmed', () => {
    expect(searchable(' a ')).toBeNull();
    expect(searchable(' ad ')).toBe('ad');
  });

  it('offers only referred patients, not those screened or decided', () => {
    expect(referredOnly([patient('REFERRED'), patient('SCREENED'), patient('CLEARED')]).map((p) => p.id))
      .toEqual(['REFERRED']);
  });
});

describe('dates on the site clock', () => {
  it('reads an instant as the date where the site is', () => {
    // 2026-03-01T23:30Z is already 2 March (00:30) in Zurich, still 1 March in New York
    expect(localDate('2026-03-01T23:30:00Z', 'Europe/Zurich')).toBe('2026-03-02');
    expect(localDate('2026-03-01T23:30:00Z', 'America/New_York')).toBe('2026-03-01');
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('groups slots by their day on their own site clock, in order', () => {
    const days = byDay([
      { start: '2026-03-02T08:00:00Z', timeZone: 'Europe/Zurich' },
      { start: '2026-03-02T09:00:00Z', timeZone: 'Europe/Zurich' },
      { start: '2026-03-02T23:30:00Z', timeZone: 'Europe/Zurich' },
    ]);
    expect(days.map((d) => [d.day, d.items.length])).toEqual([['2026-03-02', 2], ['2026-03-03', 1]]);
  });
});

describe('a cancellation', () => {
  it('needs a reason, in the service own words', () => {
    expect(reasonProblem('  ')).toBe('A cancellation needs a reason');
    expect(reasonProblem('x'.repeat(501))).toBe('A reason has at most 500 characters');
    expect(reasonProblem('Patient is ill')).toBeNull();
  });

  it('shows the service refusal of the reason next to the reason', () => {
    const refused = new ApiError(400, { title: 'Invalid input', errors: [{ field: 'reason', message: 'A cancellation needs a reason' }] });
    expect(fieldError(refused, 'reason')).toBe('A cancellation needs a reason');
    expect(fieldError(refused, 'slotId')).toBeNull();
    expect(fieldError(new Error('x'), 'reason')).toBeNull();
  });
});

describe('refusals and statuses', () => {
  it('knows a patient scheduling has not heard of yet', () => {
    expect(notKnownYet(new ApiError(409, { reason: 'PATIENT_UNKNOWN' }))).toBe(true);
    expect(notKnownYet(new ApiError(409, { reason: 'SLOT_TAKEN' }))).toBe(false);
  });

  it('reads a no-show as people say it', () => {
    expect(statusLabel('noshow')).toBe('no-show');
    expect(statusLabel('booked')).toBe('booked');
  });

  it('takes a date field\'s value once its year is whole', () => {
    expect(typedDate('2026-11-30')).toBe('2026-11-30');
    expect(typedDate('0202-11-30')).toBeNull();
    expect(typedDate('')).toBeNull();
  });
});
