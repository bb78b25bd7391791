import { useRef, useState } from 'preact/hooks';
import { Field, FormProblem, invalid } from '../../components/Field';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { type FieldErrors, fieldErrors } from '../../lib/formErrors';
import {
  type Candidate, EARLIEST_BIRTH_DATE, EMPTY, INDICATIONS, LABELS, type RegistrationForm, candidatesOf, checkRegistration,
  registrationBody,
} from './register';
import { type PatientSummary, patientHref } from './Search';

/**
 * The front desk registers a patient with the referral that brought them. A likely duplicate is answered in words:
 * the patients it looks like, each of which may be the one (the referral is then added to them), or the front desk
 * confirms a new person.
 */
export function Register(props: { onRegistered?: () => void } = {}) {
  const [form, setForm] = useState<RegistrationForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [done, setDone] = useState<{ id: string; name: string; mrn: string; how: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const birthDate = useRef<HTMLInputElement>(null);

  /** A field changed takes its error away: what stays marked is what is still to do. */
  const set = (field: keyof RegistrationForm) => (event: Event) => {
    setForm({ ...form, [field]: (event.target as HTMLInputElement).value });
    const path = Object.keys(LABELS).find((key) => key === field || key === 'referral.' + field);
    if (path && errors[path]) {
      const rest = { ...errors };
      delete rest[path];
      setErrors(rest);
    }
  };

  const submit = async (confirmedNotDuplicate: boolean) => {
    const found = checkRegistration(form, !!birthDate.current?.validity.badInput);
    setErrors(found);
    setProblem(null);
    setDone(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(fieldId(Object.keys(found)[0]))?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api<PatientSummary>('POST', '/api/intake/patients', registrationBody(form, confirmedNotDuplicate));
      setDone({ id: created.id, name: created.givenName + ' ' + created.familyName, mrn: created.mrn, how: 'Registered' });
      props.onRegistered?.();
      setCandidates([]);
      setForm(EMPTY);
    } catch (failure) {
      setCandidates(candidatesOf(failure));
      setErrors(fieldErrors(failure, LABELS));
      setProblem(candidatesOf(failure).length > 0 ? null : failure);
    } finally {
      setBusy(false);
    }
  };

  /** The new patient is one already registered: their referral goes to them. */
  const useExisting = async (candidate: Candidate) => {
    setBusy(true);
    try {
      const body = registrationBody(form, false).referral;
      await api('POST', '/api/intake/patients/' + encodeURIComponent(candidate.id) + '/referrals', body);
      setDone({ id: candidate.id, name: candidate.givenName + ' ' + candidate.familyName, mrn: candidate.mrn,
        how: 'Referral added to' });
      setCandidates([]);
      setForm(EMPTY);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">Register a referred patient</h2>
      <form id="register-form" noValidate onSubmit={(e) => { e.preventDefault(); submit(false); }}>
        <FormProblem error={problem} labels={LABELS} id="register-error" />
        <div class="row">
          <Field id={fieldId('givenName')} label="Given name" error={errors.givenName}>
            <input id={fieldId('givenName')} autocomplete="off" value={form.givenName} onInput={set('givenName')}
              {...invalid(fieldId('givenName'), errors.givenName)} />
          </Field>
          <Field id={fieldId('familyName')} label="Family name" error={errors.familyName}>
            <input id={fieldId('familyName')} autocomplete="off" value={form.familyName} onInput={set('familyName')}
              {...invalid(fieldId('familyName'), errors.familyName)} />
          </Field>
          <Field id={fieldId('birthDate')} label="Birth date" error={errors.birthDate}>
            <input id={fieldId('birthDate')} ref={birthDate} type="date" min={EARLIEST_BIRTH_DATE} value={form.birthDate}
              onInput={set('birthDate')} {...invalid(fieldId('birthDate'), errors.birthDate)} />
          </Field>
          <Field id={fieldId('phone')} label="Phone (optional)" error={errors.phone}>
            <input id={fieldId('phone')} type="tel" autocomplete="off" value={form.phone} onInput={set('phone')}
              {...invalid(fieldId('phone'), errors.phone)} />
          </Field>
        </div>
        <fieldset class="row">
          <legend>Referral</legend>
          <Field id={fieldId('referral.referringClinician')} label="Referring clinician"
            error={errors['referral.referringClinician']}>
            <input id={fieldId('referral.referringClinician')} autocomplete="off" value={form.referringClinician}
              onInput={set('referringClinician')}
              {...invalid(fieldId('referral.referringClinician'), errors['referral.referringClinician'])} />
          </Field>
          <Field id={fieldId('referral.indication')} label="Indication" error={errors['referral.indication']}>
            <select id={fieldId('referral.indication')} value={form.indication} onChange={set('indication')}
              {...invalid(fieldId('referral.indication'), errors['referral.indication'])}>
              <option value="">Choose…</option>
              {INDICATIONS.map((i) => (
                <option key={i.value} value={i.value}>{i.label}</option>
              ))}
            </select>
          </Field>
          <Field id={fieldId('referral.reason')} label="Reason for referral (optional)" error={errors['referral.reason']}>
            <textarea id={fieldId('referral.reason')} value={form.reason} onInput={set('reason')}
              {...invalid(fieldId('referral.reason'), errors['referral.reason'])} />
          </Field>
        </fieldset>
        <button type="submit" id="register-button" disabled={busy}>Register patient</button>
      </form>
      {candidates.length > 0 && (
        <div class="duplicates" id="duplicate-candidates" role="alert">
          <p>
            <strong>This may be a patient the clinic already has.</strong> A patient born the same day has a similar
            name or the same phone. Is it one of these?
          </p>
          <ul>
            {candidates.map((c) => (
              <li key={c.id} data-candidate-id={c.id}>
                <a href={patientHref(c.id)}>
                  {c.familyName}, {c.givenName}
                </a>{' '}
                ({c.mrn}, born {formatDate(c.birthDate)}){' '}
                <button type="button" class="secondary use-candidate" disabled={busy} onClick={() => useExisting(c)}>
                  Same person: add the referral to {c.givenName} {c.familyName}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" id="register-anyway-button" disabled={busy} onClick={() => submit(true)}>
            Not the same person: register {form.givenName.trim()} {form.familyName.trim()} as a new patient
          </button>
        </div>
      )}
      {done && (
        <p class="result" role="status" id="register-result" data-patient-id={done.id}>
          {done.how}{' '}
          <a href={patientHref(done.id)} id="registered-patient-link">{done.name}</a>, MRN{' '}
          <strong id="registered-mrn">{done.mrn}</strong>.
        </p>
      )}
    </section>
  );
}

/** The id of a field of this form, from its API path. */
function fieldId(path: string): string {
  return 'register-' + path.replace(/\./g, '-');
}
