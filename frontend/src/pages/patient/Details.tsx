import { useRef, useState } from 'preact/hooks';
import { Field, FormProblem, invalid } from '../../components/Field';
import { ApiError, api } from '../../lib/api';
import { type FieldErrors, fieldErrors } from '../../lib/formErrors';
import { EARLIEST_BIRTH_DATE, type RegistrationForm, checkRegistration } from '../patients/register';
import type { PatientDetails } from './types';

const LABELS: Record<string, string> = { givenName: 'Given name', familyName: 'Family name', birthDate: 'Birth date', phone: 'Phone' };

/** A 409 on a change: someone changed the patient since the page read it. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

/**
 * The patient's details; the front desk changes them here. The change carries the version read: when someone
 * changed the patient meanwhile, nothing is overwritten and the page says so, with a way to read the new details.
 */
export function Details(props: { patient: PatientDetails; canEdit: boolean; onChanged: () => void }) {
  const { patient } = props;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ givenName: '', familyName: '', birthDate: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [version, setVersion] = useState(patient.version);
  const birthDate = useRef<HTMLInputElement>(null);

  const start = () => {
    setForm({ givenName: patient.givenName, familyName: patient.familyName, birthDate: patient.birthDate, phone: patient.phone ?? '' });
    setVersion(patient.version);
    setErrors({});
    setProblem(null);
    setEditing(true);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const all = checkRegistration({ ...form, referringClinician: '-', indication: '-', reason: '' } as RegistrationForm,
      !!birthDate.current?.validity.badInput);
    setErrors(all);
    setProblem(null);
    if (Object.keys(all).length > 0) return;
    try {
      await api('PUT', '/api/intake/patients/' + encodeURIComponent(patient.id), {
        givenName: form.givenName.trim(), familyName: form.familyName.trim(), birthDate: form.birthDate,
        phone: form.phone.trim() || null, version,
      });
      setEditing(false);
      props.onChanged();
    } catch (failure) {
      setErrors(fieldErrors(failure, LABELS));
      setProblem(failure);
    }
  };

  const set = (field: keyof typeof form) => (e: Event) => setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
  return (
    <section aria-labelledby="details-heading" id="details">
      <h2 id="details-heading">Details</h2>
      {!editing && (
        <>
          <p>
            Phone: <span id="patient-phone">{patient.phone || 'none given'}</span>
          </p>
          {props.canEdit && (
            <button type="button" class="secondary" id="edit-details" onClick={start}>Edit details</button>
          )}
        </>
      )}
      {editing && (
        <form id="details-form" noValidate onSubmit={save}>
          {isStale(problem) ? (
            <div class="problem" role="alert" id="details-stale">
              <p>
                <strong>Someone else changed this patient after you opened the form.</strong> Nothing was saved. Read
                their change, then make yours again.
              </p>
              <button type="button" class="secondary" id="details-reload"
                onClick={() => { setEditing(false); props.onChanged(); }}>
                Show the current details
              </button>
            </div>
          ) : (
            <FormProblem error={problem} labels={LABELS} id="details-error" />
          )}
          <div class="row">
            <Field id="details-givenName" label="Given name" error={errors.givenName}>
              <input id="details-givenName" value={form.givenName} onInput={set('givenName')} {...invalid('details-givenName', errors.givenName)} />
            </Field>
            <Field id="details-familyName" label="Family name" error={errors.familyName}>
              <input id="details-familyName" value={form.familyName} onInput={set('familyName')} {...invalid('details-familyName', errors.familyName)} />
            </Field>
            <Field id="details-birthDate" label="Birth date" error={errors.birthDate}>
              <input id="details-birthDate" ref={birthDate} type="date" min={EARLIEST_BIRTH_DATE} value={form.birthDate}
                onInput={set('birthDate')} {...invalid('details-birthDate', errors.birthDate)} />
            </Field>
            <Field id="details-phone" label="Phone (optional)" error={errors.phone}>
              <input id="details-phone" type="tel" value={form.phone} onInput={set('phone')} {...invalid('details-phone', errors.phone)} />
            </Field>
          </div>
          <button type="submit" id="details-save">Save details</button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      )}
    </section>
  );
}
