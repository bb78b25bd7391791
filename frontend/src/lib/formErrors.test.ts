import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { fieldErrors, inWords, otherErrors } from './formErrors';

const refusal = new ApiError(400, {
  title: 'Invalid input',
  detail: 'referral.referringClinician: must not be blank; birthDate: must be a past date',
  errors: [
    { field: 'referral.referringClinician', message: 'must not be blank' },
    { field: 'birthDate', message: 'must be a past date' },
    { field: 'confirmedNotDuplicate', message: 'has a value of the wrong type or format' },
  ],
});

describe("a refusal in the form's words", () => {
  it('names the label, never the field path, and says what is wrong', () => {
    const labels = { 'referral.referringClinician': 'Referring clinician', birthDate: 'Birth date' };
    expect(fieldErrors(refusal, labels)).toEqual({
      'referral.referringClinician': 'Referring clinician is required.',
      birthDate: 'Birth date must be a date in the past.',
    });
    expect(otherErrors(refusal, labels)).toEqual(['has a value of the wrong type or format']);
  });

  it("keeps a service's own sentence", () => {
    expect(inWords('mg/kg', 'mg/kg must be between 0.1 and 1.0, got 1.5')).toBe('mg/kg must be between 0.1 and 1.0, got 1.5');
    expect(inWords('Phone', 'must match "^[+0-9 ()-]{5,30}$"')).toBe('Phone is not in a form the clinic can read.');
    expect(inWords('E-mail', 'must be a well-formed email address')).toBe('E-mail is not a valid e-mail address.');
  });
});
