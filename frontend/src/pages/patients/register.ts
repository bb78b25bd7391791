import { ApiError } from '../../lib/api';
import { isRealDate } from '../../lib/dates';
import type { FieldErrors } from '../../lib/formErrors';

/** What the front desk types to register a referred patient. */
export interface RegistrationForm {
  givenName: string;
  familyName: string;
  birthDate: string;
  phone: string;
  referringClinician: string;
  indication: string;
  reason: string;
}

export const EMPTY: RegistrationForm = {
  givenName: '', familyName: '', birthDate: '', phone: '', referringClinician: '', indication: '', reason: '',
};

/** The form's labels by the API's field paths: how a refusal finds its field. */
export const LABELS: Record<string, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  birthDate: 'Birth date',
  phone: 'Phone',
  'referral.referringClinician': 'Referring clinician',
  'referral.indication': 'Indication',
  'referral.reason': 'Reason for referral',
};

export const INDICATIONS: { value: string; label: string }[] = [
  { value: 'TREATMENT_RESISTANT_DEPRESSION', label: 'Treatment-resistant depression' },
  { value: 'ANXIETY', label: 'Anxiety' },
  { value: 'PTSD', label: 'PTSD' },
  { value: 'CHRONIC_PAIN', label: 'Chronic pain' },
];

export function indicationLabel(value: string | null | undefined): string {
  return INDICATIONS.find((i) => i.value === value)?.label ?? value ?? '';
}

/** The earliest birth date the form takes: a typing slip (1850) rather than a patient. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * What is missing or impossible before anything is sent, in the form's words: the services check again (a birth
 * date in the past, the phone's characters), this only spares the front desk a round trip. {@code badDate}: the
 * date field holds something that is no date (31 February typed by hand).
 */
export function checkRegistration(form: RegistrationForm, badDate = false): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.givenName.trim()) errors.givenName = 'Given name is required.';
  if (!form.familyName.trim()) errors.familyName = 'Family name is required.';
  if (badDate || (form.birthDate && !isRealDate(form.birthDate))) {
    errors.birthDate = 'Birth date is not a real date: pick it from the calendar.';
  } else if (!form.birthDate) {
    errors.birthDate = 'Birth date is required.';
  } else if (form.birthDate < EARLIEST_BIRTH_DATE) {
    errors.birthDate = 'Birth date must be in 1900 or later.';
  }
  if (form.phone.trim() && !/^[+0-9 ()-]{5,30}$/.test(form.phone.trim())) {
    errors.phone = 'Phone may hold digits, spaces, +, ( ) and - only (5 to 30 of them).';
  }
  Object.assign(errors, checkReferral(form));
  return errors;
}

/** The referral's own fields, also for a referral added to a registered patient. */
export function checkReferral(form: Pick<RegistrationForm, 'referringClinician' | 'indication'>): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.referringClinician.trim()) errors['referral.referringClinician'] = 'Referring clinician is required.';
  if (!form.indication) errors['referral.indication'] = 'Indication is required: choose one.';
  return errors;
}

export function registrationBody(form: RegistrationForm, confirmedNotDuplicate: boolean) {
  return {
    givenName: form.givenName.trim(),
    familyName: form.familyName.trim(),
    birthDate: form.birthDate,
    phone: form.phone.trim() || null,
    referral: {
      referringClinician: form.referringClinician.trim(),
      indication: form.indication,
      reason: form.reason.trim() || null,
    },
    confirmedNotDuplicate,
  };
}

/** A registered patient the service found too like the new one. */
export interface Candidate {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

/** The likely duplicates of a 409, or none when the refusal is of another kind. */
export function candidatesOf(error: unknown): Candidate[] {
  if (error instanceof ApiError && error.status === 409) {
    const candidates = (error.problem as { candidates?: Candidate[] }).candidates;
    return Array.isArray(candidates) ? candidates : [];
  }
  return [];
}
