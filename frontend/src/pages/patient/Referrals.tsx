import { useState } from 'preact/hooks';
import { Field, FormProblem, invalid } from '../../components/Field';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { type FieldErrors, fieldErrors } from '../../lib/formErrors';
import { zoneLabel } from '../../lib/time';
import { INDICATIONS, checkReferral, indicationLabel } from '../patients/register';
import type { Referral } from './types';

const LABELS: Record<string, string> = { referringClinician: 'Referring clinician', indication: 'Indication', reason: 'Reason for referral' };

const STATE: Record<string, string> = {
  RECEIVED: 'received', CONSULTATION_BOOKED: 'consultation booked', SCREENED: 'screened', DECIDED: 'decided',
};

/** The patient's referrals, oldest first; the front desk adds one when another arrives. */
export function Referrals(props: { patientId: string; referrals: Referral[]; zone: string; canAdd: boolean; onAdded: () => void }) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ referringClinician: '', indication: '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const found = Object.fromEntries(Object.entries(checkReferral(form)).map(([k, v]) => [k.replace('referral.', ''), v]));
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    try {
      await api('POST', '/api/intake/patients/' + encodeURIComponent(props.patientId) + '/referrals', {
        referringClinician: form.referringClinician.trim(), indication: form.indication, reason: form.reason.trim() || null,
      });
      setAdding(false);
      setForm({ referringClinician: '', indication: '', reason: '' });
      props.onAdded();
    } catch (failure) {
      setErrors(fieldErrors(failure, LABELS));
      setProblem(failure);
    }
  };

  const set = (field: keyof typeof form) => (e: Event) => setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
  return (
    <section aria-labelledby="referrals-heading" id="referrals">
      <h2 id="referrals-heading">Referrals</h2>
      <table id="referral-list">
        <thead>
          <tr><th>Received ({zoneLabel(props.zone)})</th><th>Referring clinician</th><th>Indication</th><th>Reason</th><th>State</th></tr>
        </thead>
        <tbody>
          {props.referrals.map((r) => (
            <tr key={r.id} data-referral-id={r.id}>
              <td>{formatDateTime(r.receivedAt, props.zone)}</td>
              <td>{r.referringClinician}</td>
              <td>{indicationLabel(r.indication)}</td>
              <td>{r.reason}</td>
              <td>{STATE[r.state] ?? r.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canAdd && !adding && (
        <button type="button" class="secondary" id="add-referral" onClick={() => setAdding(true)}>Add a referral</button>
      )}
      {adding && (
        <form id="referral-form" noValidate onSubmit={add}>
          <FormProblem error={problem} labels={LABELS} id="referral-error" />
          <div class="row">
            <Field id="referral-clinician" label="Referring clinician" error={errors.referringClinician}>
              <input id="referral-clinician" value={form.referringClinician} onInput={set('referringClinician')}
                {...invalid('referral-clinician', errors.referringClinician)} />
            </Field>
            <Field id="referral-indication" label="Indication" error={errors.indication}>
              <select id="referral-indication" value={form.indication} onChange={set('indication')}
                {...invalid('referral-indication', errors.indication)}>
                <option value="">Choose…</option>
                {INDICATIONS.map((i) => <option key={i.value} value={i.value}>{i.label}</option>)}
              </select>
            </Field>
            <Field id="referral-reason" label="Reason (optional)" error={errors.reason}>
              <textarea id="referral-reason" value={form.reason} onInput={set('reason')} {...invalid('referral-reason', errors.reason)} />
            </Field>
          </div>
          <button type="submit" id="referral-save">Add referral</button>{' '}
          <button type="button" class="secondary" onClick={() => setAdding(false)}>Cancel</button>
        </form>
      )}
    </section>
  );
}
