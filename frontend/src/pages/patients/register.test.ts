import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { EMPTY, candidatesOf, checkRegistration, registrationBody } from './register';

const filled = {
  ...EMPTY, givenName: ' Grace ', familyName: 'Hopper', birthDate: '1980-12-09', referringClinician: 'Dr. Aiken',
  indication: 'TREATMENT_RESISTANT_DEPRESSION',
};

describe('registering a referred patient', () => {
  it('asks for what is missing in the words of the form', () => {
    expect(checkRegistration(EMPTY)).toEqual({
      givenName: 'Given name is required.',
      familyName: 'Family name is required.',
      birthDate: 'Birth date is required.',
      'referral.referringClinician': 'Referring clinician is required.',
      'referral.indication': 'Indication is required: choose one.',
    });
    expect(checkRegistration(filled)).toEqual({});
  });

  it('refuses 31 February and 1850 as birth dates', () => {
    expect(checkRegistration({ ...filled, birthDate: '1981-02-31' }).birthDate).toMatch(/not a real date/);
    expect(checkRegistration({ ...filled, birthDate: '' }, true).birthDate).toMatch(/not a real date/);
    expect(checkRegistration({ ...filled, birthDate: '1850-01-01' }).birthDate).toMatch(/1900 or later/);
  });

  it('sends the referral with the patient, trimmed, and says whether the front desk confirmed a new person', () => {
    expect(registrationBody(filled, true)).toEqual({
      givenName: 'Grace', familyName: 'Hopper', birthDate: '1980-12-09', phone: null,
      referral: { referringClinician: 'Dr. Aiken', indication: 'TREATMENT_RESISTANT_DEPRESSION', reason: null },
      confirmedNotDuplicate: true,
    });
  });

  it('finds the likely duplicates in a 409 only', () => {
    const candidate = { id: 'p1', mrn: 'MRN-1', givenName: 'Grace', familyName: 'Hopper', birthDate: '1980-12-09' };
    expect(candidatesOf(new ApiError(409, { title: 'Likely duplicate', candidates: [candidate] } as never)))
      .toEqual([candidate]);
    expect(candidatesOf(new ApiError(400, { title: 'Invalid input' }))).toEqual([]);
  });
});
