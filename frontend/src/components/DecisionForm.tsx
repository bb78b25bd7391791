import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { formatDateTime } from '../lib/dates';
import { type FieldErrors, fieldErrors } from '../lib/formErrors';
import { Field, FormProblem, invalid } from './Field';

/** The clinic's mg/kg range and the mg/kg a new plan starts from (intake's settings). */
export interface DoseRange {
  minMgPerKg: number;
  maxMgPerKg: number;
  defaultMgPerKg: number;
}

export interface SignedDecision {
  id: string;
  outcome: string;
  decidedBy: string;
  decidedAt: string;
}

const LABELS: Record<string, string> = {
  outcome: 'Decision', reason: 'Reason', dosePlan: 'Dose plan', 'dosePlan.mgPerKg': 'mg/kg', 'dosePlan.route': 'Route',
  supersedesDecisionId: 'Decision superseded',
};

const WORDS: Record<string, string> = { CLEARED: 'Clear', DECLINED: 'Decline', NEEDS_REVIEW: 'needs review' };

/** What the rules propose, and what deciding otherwise takes. */
export function proposalWords(proposed: string): string {
  if (proposed === 'CLEARED') return 'The rules propose to clear the patient; declining instead needs your reason.';
  if (proposed === 'DECLINED') return 'The rules propose to decline the patient; clearing instead needs your reason.';
  return 'The rules ask for a clinician\'s review: clear or decline the patient, with your reason.';
}

/**
 * Whether the reason must be written: always for a screening the rules sent for review (intake refuses a decision on
 * one without), when deciding against the proposal, and when replacing an earlier decision.
 */
export function reasonRequired(proposed: string, outcome: string, supersedes: boolean): boolean {
  return proposed === 'NEEDS_REVIEW' || (outcome !== '' && outcome !== proposed) || supersedes;
}

/**
 * What the clinician must write before signing, in the form's words: a reason when deciding against the proposal or
 * superseding a decision, and a plan within the clinic's range when clearing.
 */
export function checkDecision(input: { outcome: string; reason: string; mgPerKg: string; proposed: string;
  supersedes: boolean; range: DoseRange | null }): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.outcome) {
    errors.outcome = 'Choose to clear or to decline the patient.';
  }
  if (!input.reason.trim() && input.outcome && input.proposed === 'NEEDS_REVIEW') {
    errors.reason = 'A screening sent for review needs your reason for the decision.';
  } else if (!input.reason.trim() && input.outcome && input.outcome !== input.proposed) {
    errors.reason = 'Deciding against the proposal needs a reason.';
  } else if (!input.reason.trim() && input.supersedes) {
    errors.reason = 'A new decision replacing the last one needs a reason.';
  }
  if (input.outcome === 'CLEARED') {
    const mg = Number(input.mgPerKg);
    if (input.mgPerKg.trim() === '' || Number.isNaN(mg)) {
      errors['dosePlan.mgPerKg'] = 'mg/kg is required to clear the patient.';
    } else if (input.range && (mg < input.range.minMgPerKg || mg > input.range.maxMgPerKg)) {
      errors['dosePlan.mgPerKg'] = 'mg/kg must be between ' + input.range.minMgPerKg + ' and ' + input.range.maxMgPerKg + '.';
    }
  }
  return errors;
}

/**
 * The clinician signs the decision on a screening: the rules' proposal is chosen (accepting it), or the other outcome
 * with a reason (overriding it); clearing needs the dose plan, within the clinic's range read from intake. A patient's
 * earlier decision is superseded by name, with a reason. Only clinicians see this form (the service refuses others).
 */
export function DecisionForm(props: { idPrefix: string; patientId: string; screeningId: string; proposed: string;
  latest: { id: string; outcome: string; decidedAt: string } | null; zone: string; onSigned: (d: SignedDecision) => void }) {
  const { idPrefix: p } = props;
  const [range, setRange] = useState<DoseRange | null>(null);
  const [outcome, setOutcome] = useState(props.proposed === 'NEEDS_REVIEW' ? '' : props.proposed);
  const [reason, setReason] = useState('');
  const [route, setRoute] = useState('IV');
  const [mgPerKg, setMgPerKg] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<DoseRange>('GET', '/api/intake/dose-range').then((r) => {
      setRange(r);
      setMgPerKg((current) => current || String(r.defaultMgPerKg));
    }, setProblem);
  }, []);

  const sign = async (event: Event) => {
    event.preventDefault();
    const found = checkDecision({ outcome, reason, mgPerKg, proposed: props.proposed, supersedes: !!props.latest, range });
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      const signed = await api<SignedDecision>('POST',
        '/api/intake/patients/' + encodeURIComponent(props.patientId) + '/eligibility-decisions', {
          screeningId: props.screeningId,
          outcome,
          reason: reason.trim() || null,
          dosePlan: outcome === 'CLEARED' ? { route, mgPerKg: Number(mgPerKg) } : null,
          supersedesDecisionId: props.latest?.id ?? null,
        });
      props.onSigned(signed);
    } catch (failure) {
      setErrors(fieldErrors(failure, LABELS));
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id={p + '-form'} class="decision-form" noValidate onSubmit={sign}>
      <FormProblem error={problem} labels={LABELS} id={p + '-error'} />
      <p id={p + '-proposal'}>{proposalWords(props.proposed)}</p>
      {props.latest && (
        <p class="muted" id={p + '-supersedes'}>
          This replaces the decision to {WORDS[props.latest.outcome]?.toLowerCase()} of {formatDateTime(props.latest.decidedAt, props.zone)}
          {' '}({props.zone}): give your reason.
        </p>
      )}
      <fieldset class="row" id={p + '-outcome'} aria-describedby={errors.outcome ? p + '-outcome-error' : undefined}>
        <legend>Decision</legend>
        {['CLEARED', 'DECLINED'].map((value) => (
          <label class="check" key={value}>
            <input type="radio" name={p + '-outcome'} value={value} checked={outcome === value}
              onChange={() => setOutcome(value)} />
            {WORDS[value]}{value === props.proposed ? ' (as proposed)' : ''}
          </label>
        ))}
        {errors.outcome && <p class="field-error" id={p + '-outcome-error'}>{errors.outcome}</p>}
      </fieldset>
      <Field id={p + '-reason'} label={reasonRequired(props.proposed, outcome, !!props.latest) ? 'Reason (required)' : 'Reason (optional)'} error={errors.reason}>
        <textarea id={p + '-reason'} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          {...invalid(p + '-reason', errors.reason)} />
      </Field>
      {outcome === 'CLEARED' && (
        <fieldset class="row" id={p + '-dose-plan'}>
          <legend>Dose plan</legend>
          <Field id={p + '-route'} label="Route" error={errors['dosePlan.route']}>
            <select id={p + '-route'} value={route} onChange={(e) => setRoute((e.target as HTMLSelectElement).value)}>
              <option value="IV">IV</option>
              <option value="IM">IM</option>
              <option value="INTRANASAL">Intranasal</option>
            </select>
          </Field>
          <Field id={p + '-mg-per-kg'} label="mg/kg" error={errors['dosePlan.mgPerKg'] ?? errors.dosePlan}
            hint={range ? 'Clinic range ' + range.minMgPerKg + '–' + range.maxMgPerKg + ' mg/kg' : undefined}>
            <input id={p + '-mg-per-kg'} type="number" step="0.01" min={range?.minMgPerKg} max={range?.maxMgPerKg}
              value={mgPerKg} onInput={(e) => setMgPerKg((e.target as HTMLInputElement).value)}
              {...invalid(p + '-mg-per-kg', errors['dosePlan.mgPerKg'] ?? errors.dosePlan, !!range)} />
          </Field>
        </fieldset>
      )}
      <button type="submit" id={p + '-sign'} disabled={busy}>
        Sign: {outcome ? WORDS[outcome].toLowerCase() : 'choose a decision'}
      </button>
    </form>
  );
}
