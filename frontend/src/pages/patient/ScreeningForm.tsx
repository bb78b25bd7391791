import { useEffect, useRef, useState } from 'preact/hooks';
import { Field, FormProblem, invalid } from '../../components/Field';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { type FieldErrors, errorId, fieldErrors } from '../../lib/formErrors';
import {
  type Answer, CONDITIONS, CSSRS_QUESTIONS, type CssrsKey, DIAGNOSES, DRUG_CLASSES, FREQUENCY, GAD7_ITEMS, type LiveScores,
  PCL5_ITEMS, PCL5_SCALE, PHQ9_ITEMS, type ScreeningDraft, type YesNo, bandWords, checkScreening, emptyDraft,
  scoreRequest, screeningBody, screeningLabels,
} from './screening';
import type { Screening } from './types';

/** How long answering may pause before the scores are asked for again. */
export const SCORE_DELAY_MS = 300;

const slug = (field: string) => field.replace(/[[\].]+/g, '-').replace(/-$/, '');

/**
 * The clinician's intake screening: PHQ-9, GAD-7, PCL-5 and the C-SSRS screener with their scores shown as they are
 * answered (scored by the intake service, storing nothing until the screening is recorded), vitals and weight,
 * antidepressant trials, diagnoses and medical history, substance use and medications.
 */
export function ScreeningForm(props: { patientId: string; onRecorded: (screening: Screening) => void }) {
  const [draft, setDraft] = useState<ScreeningDraft>(emptyDraft);
  const [live, setLive] = useState<LiveScores | null>(null);
  const [liveError, setLiveError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<Screening | null>(null);
  const asked = useRef(0);

  const request = JSON.stringify(scoreRequest(draft));
  useEffect(() => {
    const mine = ++asked.current;
    const timer = window.setTimeout(() => {
      api<LiveScores>('POST', '/api/intake/instruments/score', JSON.parse(request)).then(
        (scores) => {
          if (mine === asked.current) {
            setLive(scores);
            setLiveError(null);
          }
        },
        (failure) => mine === asked.current && setLiveError(failure),
      );
    }, SCORE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [request]);

  const update = (change: Partial<ScreeningDraft>) => setDraft({ ...draft, ...change });
  /** An answer given takes its error away: what stays marked is what is still to do. */
  const clear = (field: string) => setErrors((current) => {
    if (!(field in current)) return current;
    const rest = { ...current };
    delete rest[field];
    return rest;
  });
  const answer = (key: 'phq9' | 'gad7' | 'pcl5', index: number, value: Answer) => {
    const answers = [...draft[key]];
    answers[index] = value;
    update({ [key]: answers });
    clear(key + '[' + index + ']');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = checkScreening(draft);
    setErrors(found);
    setProblem(null);
    setRecorded(null);
    if (Object.keys(found).length > 0) {
      const first = document.querySelector<HTMLElement>('[data-field="' + Object.keys(found)[0] + '"] input, #' + 'screening-' + slug(Object.keys(found)[0]));
      first?.focus();
      return;
    }
    setBusy(true);
    try {
      const screening = await api<Screening>('POST', '/api/intake/patients/' + encodeURIComponent(props.patientId) + '/screenings',
        screeningBody(draft));
      setRecorded(screening);
      setDraft(emptyDraft());
      props.onRecorded(screening);
    } catch (failure) {
      setErrors(fieldErrors(failure, screeningLabels(draft)));
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  const labels = screeningLabels(draft);
  return (
    <section class="wide" aria-labelledby="screening-heading" id="screening">
      <h2 id="screening-heading">Record a screening</h2>
      <div class="screening-layout">
        <form id="screening-form" noValidate onSubmit={submit}>
          <FormProblem error={problem} labels={labels} id="screening-error" />
          <Questionnaire id="phq9" title="PHQ-9" intro="Over the last 2 weeks, how often has the patient been bothered by…"
            items={PHQ9_ITEMS} scale={FREQUENCY} answers={draft.phq9} errors={errors} onAnswer={(i, v) => answer('phq9', i, v)} />
          <Questionnaire id="gad7" title="GAD-7 (optional)" intro="Over the last 2 weeks, how often has the patient been bothered by…"
            items={GAD7_ITEMS} scale={FREQUENCY} answers={draft.gad7} errors={errors} onAnswer={(i, v) => answer('gad7', i, v)} />
          <Questionnaire id="pcl5" title="PCL-5 (optional)" intro="In the past month, how much was the patient bothered by…"
            items={PCL5_ITEMS} scale={PCL5_SCALE} answers={draft.pcl5} errors={errors} onAnswer={(i, v) => answer('pcl5', i, v)} />
          <Cssrs answers={draft.cssrs} errors={errors} onAnswer={(key, value) => { update({ cssrs: { ...draft.cssrs, [key]: value } }); clear('cssrs.' + key); }} />

          <fieldset class="row">
            <legend>Vitals and weight at screening</legend>
            {([['systolic', 'Systolic BP (mmHg)'], ['diastolic', 'Diastolic BP (mmHg)'], ['heartRate', 'Heart rate (/min)'],
              ['weightKg', 'Weight (kg)']] as const).map(([field, label]) => (
              <Field key={field} id={'screening-' + field} label={label} error={errors[field]}>
                <input id={'screening-' + field} type="number" inputMode="decimal" step={field === 'weightKg' ? '0.1' : '1'}
                  value={draft[field]} onInput={(e) => { update({ [field]: (e.target as HTMLInputElement).value }); clear(field); }}
                  {...invalid('screening-' + field, errors[field])} />
              </Field>
            ))}
          </fieldset>

          <fieldset id="screening-trials">
            <legend>Antidepressant trials</legend>
            {draft.trials.length === 0 && <p class="muted">None recorded.</p>}
            {draft.trials.map((trial, i) => {
              const field = 'antidepressantTrials[' + i + '].drug';
              const id = 'screening-trial-' + i;
              const set = (change: Partial<typeof trial>) =>
                update({ trials: draft.trials.map((t, j) => (j === i ? { ...t, ...change } : t)) });
              return (
                <div class="row trial" key={i} data-field={field}>
                  <Field id={id} label={'Trial ' + (i + 1) + ': drug'} error={errors[field]}>
                    <input id={id} value={trial.drug} onInput={(e) => set({ drug: (e.target as HTMLInputElement).value })}
                      {...invalid(id, errors[field])} />
                  </Field>
                  <label class="check">
                    <input type="checkbox" checked={trial.adequate} onChange={(e) => set({ adequate: (e.target as HTMLInputElement).checked })} />
                    Adequate dose and duration
                  </label>
                  <label class="check">
                    <input type="checkbox" checked={trial.failed} onChange={(e) => set({ failed: (e.target as HTMLInputElement).checked })} />
                    Failed
                  </label>
                  <button type="button" class="secondary" onClick={() => update({ trials: draft.trials.filter((_, j) => j !== i) })}>
                    Remove trial {i + 1}
                  </button>
                </div>
              );
            })}
            <button type="button" class="secondary" id="add-trial"
              onClick={() => update({ trials: [...draft.trials, { drug: '', adequate: true, failed: true }] })}>
              Add a trial
            </button>
          </fieldset>

          <Checks id="diagnoses" legend="Diagnoses" options={DIAGNOSES} chosen={draft.diagnoses} error={errors.diagnoses}
            onChange={(diagnoses) => update({ diagnoses })} />
          <Checks id="medical-history" legend="Medical history" options={CONDITIONS} chosen={draft.medicalHistory}
            error={errors.medicalHistory} onChange={(medicalHistory) => update({ medicalHistory })} />

          <fieldset class="row" id="screening-substance">
            <legend>Substance use</legend>
            <label class="check">
              <input type="checkbox" id="screening-substance-history" checked={draft.substanceDisorderHistory}
                onChange={(e) => update({ substanceDisorderHistory: (e.target as HTMLInputElement).checked })} />
              History of substance use disorder
            </label>
            <label class="check">
              <input type="checkbox" id="screening-substance-active" checked={draft.substanceActiveUse}
                onChange={(e) => update({ substanceActiveUse: (e.target as HTMLInputElement).checked })} />
              Active use
            </label>
            <Field id="screening-abstinent-since" label="Abstinent since (optional)" error={errors['substanceUse.abstinentSince'] ?? errors.substanceUse}>
              <input id="screening-abstinent-since" type="date" value={draft.abstinentSince}
                onInput={(e) => update({ abstinentSince: (e.target as HTMLInputElement).value })}
                {...invalid('screening-abstinent-since', errors['substanceUse.abstinentSince'] ?? errors.substanceUse)} />
            </Field>
          </fieldset>

          <fieldset class="row" id="screening-mood-stabiliser" data-field="onMoodStabiliser"
            aria-describedby={errors.onMoodStabiliser ? errorId('screening-mood-stabiliser') : undefined}>
            <legend>Takes a mood stabiliser</legend>
            {([[true, 'Yes'], [false, 'No'], [null, 'Not asked']] as [YesNo, string][]).map(([value, label]) => (
              <label class="check" key={label}>
                <input type="radio" name="mood-stabiliser" checked={draft.onMoodStabiliser === value}
                  onChange={() => update({ onMoodStabiliser: value })} />
                {label}
              </label>
            ))}
            {errors.onMoodStabiliser && <p class="field-error" id={errorId('screening-mood-stabiliser')}>{errors.onMoodStabiliser}</p>}
          </fieldset>

          <fieldset id="screening-medications">
            <legend>Current medications</legend>
            {draft.medications.length === 0 && <p class="muted">None recorded.</p>}
            {draft.medications.map((medication, i) => {
              const field = 'currentMedications[' + i + '].name';
              const id = 'screening-medication-' + i;
              const set = (change: Partial<typeof medication>) =>
                update({ medications: draft.medications.map((m, j) => (j === i ? { ...m, ...change } : m)) });
              return (
                <div class="row medication" key={i} data-field={field}>
                  <Field id={id} label={'Medication ' + (i + 1)} error={errors[field]}>
                    <input id={id} value={medication.name} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })}
                      {...invalid(id, errors[field])} />
                  </Field>
                  <Field id={id + '-class'} label="Drug class">
                    <select id={id + '-class'} value={medication.drugClass}
                      onChange={(e) => set({ drugClass: (e.target as HTMLSelectElement).value })}>
                      {DRUG_CLASSES.map(([value, label]) => (
                        <option key={value} value={value}>{label}</option>
                      ))}
                    </select>
                  </Field>
                  <button type="button" class="secondary" onClick={() => update({ medications: draft.medications.filter((_, j) => j !== i) })}>
                    Remove medication {i + 1}
                  </button>
                </div>
              );
            })}
            <button type="button" class="secondary" id="add-medication"
              onClick={() => update({ medications: [...draft.medications, { name: '', drugClass: 'OTHER' }] })}>
              Add a medication
            </button>
          </fieldset>

          <Field id="screening-notes" label="Notes (optional)" error={errors.notes}>
            <textarea id="screening-notes" value={draft.notes} onInput={(e) => update({ notes: (e.target as HTMLTextAreaElement).value })} />
          </Field>
          <button type="submit" id="screening-button" disabled={busy}>Record screening</button>
        </form>
        <LivePanel live={live} error={liveError} />
      </div>
      {recorded && <Recorded screening={recorded} />}
    </section>
  );
}

/** One questionnaire: each item a group of choices, its error under it. */
function Questionnaire(props: { id: string; title: string; intro: string; items: string[]; scale: string[]; answers: Answer[];
  errors: FieldErrors; onAnswer: (index: number, value: number) => void }) {
  const whole = props.errors[props.id];
  return (
    <fieldset class="questionnaire" id={'screening-' + props.id}>
      <legend>{props.title}</legend>
      <p class="muted">{props.intro}</p>
      {whole && <p class="field-error">{whole}</p>}
      {props.items.map((text, i) => {
        const field = props.id + '[' + i + ']';
        const id = props.id + '-' + (i + 1);
        const error = props.errors[field];
        return (
          <fieldset class="item" key={i} data-field={field} id={id} aria-describedby={error ? errorId(id) : undefined}>
            <legend>
              {i + 1}. {text}
            </legend>
            <div class="choices">
              {props.scale.map((label, value) => (
                <label key={value} class="choice">
                  <input type="radio" name={id} value={value} checked={props.answers[i] === value}
                    onChange={() => props.onAnswer(i, value)} />
                  {value} · {label}
                </label>
              ))}
            </div>
            {error && <p class="field-error" id={errorId(id)}>{error}</p>}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function Cssrs(props: { answers: Record<CssrsKey, YesNo>; errors: FieldErrors; onAnswer: (key: CssrsKey, value: boolean) => void }) {
  const asked = CSSRS_QUESTIONS.filter((q) => props.answers.q2 === true || !['q3', 'q4', 'q5'].includes(q.key));
  return (
    <fieldset class="questionnaire" id="screening-cssrs">
      <legend>C-SSRS screener (optional)</legend>
      <p class="muted">Questions 3 to 5 are asked only when question 2 is answered yes.</p>
      {asked.map((q) => {
        const field = 'cssrs.' + q.key;
        const id = 'cssrs-' + q.key;
        const error = props.errors[field];
        return (
          <fieldset class="item" key={q.key} id={id} data-field={field} aria-describedby={error ? errorId(id) : undefined}>
            <legend>
              {q.key.toUpperCase()}. {q.text}
            </legend>
            <div class="choices">
              {([[true, 'Yes'], [false, 'No']] as [boolean, string][]).map(([value, label]) => (
                <label key={label} class="choice">
                  <input type="radio" name={id} value={label.toLowerCase()} checked={props.answers[q.key] === value}
                    onChange={() => props.onAnswer(q.key, value)} />
                  {label}
                </label>
              ))}
            </div>
            {error && <p class="field-error" id={errorId(id)}>{error}</p>}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function Checks(props: { id: string; legend: string; options: [string, string][]; chosen: string[]; error?: string;
  onChange: (chosen: string[]) => void }) {
  return (
    <fieldset class="checks" id={'screening-' + props.id}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label class="check" key={value}>
          <input type="checkbox" value={value} checked={props.chosen.includes(value)}
            onChange={(e) => props.onChange((e.target as HTMLInputElement).checked
              ? [...props.chosen, value] : props.chosen.filter((c) => c !== value))} />
          {label}
        </label>
      ))}
      {props.error && <p class="field-error">{props.error}</p>}
    </fieldset>
  );
}

/** The scores so far, as the intake service scores them; updated as the clinician answers. */
export function LivePanel(props: { live: LiveScores | null; error: unknown }) {
  const { live } = props;
  const progress = (p: { answered: number; items: number }) => p.answered + ' of ' + p.items + ' answered';
  return (
    <aside class="live-scores" id="live-scores" aria-label="Scores so far">
      <h3>Scores so far</h3>
      <div aria-live="polite">
        <dl>
          <dt>PHQ-9</dt>
          <dd id="live-phq9">
            {!live?.phq9 ? '—' : live.phq9.complete ? live.phq9.total + ' · ' + bandWords(live.phq9.band) : progress(live.phq9)}
          </dd>
          <dt>GAD-7</dt>
          <dd id="live-gad7">
            {!live?.gad7 ? 'not given' : live.gad7.complete
              ? live.gad7.total + ' · ' + bandWords(live.gad7.band) + (live.gad7.warrantsEvaluation ? ' · warrants evaluation' : '')
              : progress(live.gad7)}
          </dd>
          <dt>PCL-5</dt>
          <dd id="live-pcl5">
            {!live?.pcl5 ? 'not given' : live.pcl5.complete
              ? live.pcl5.total + (live.pcl5.probablePtsd ? ' · probable PTSD' : ' · below') + ' (cut-off ' + live.pcl5.cutoff + ')'
              : progress(live.pcl5)}
          </dd>
          <dt>C-SSRS</dt>
          <dd id="live-cssrs">
            {!live?.cssrs ? 'not given' : live.cssrs.complete
              ? live.cssrs.highRisk ? 'high risk (' + (live.cssrs.highRiskAnswers ?? []).join(', ') + ' yes)' : 'not high risk'
              : progress(live.cssrs)}
          </dd>
        </dl>
        {live?.suicideRisk && (
          <p class="warning" id="live-suicide-risk">Suicide risk: this screening goes first in the clinician's review.</p>
        )}
      </div>
      <ProblemView error={props.error} id="live-error" />
    </aside>
  );
}

const OUTCOME_WORDS: Record<string, string> = { CLEARED: 'cleared', DECLINED: 'declined', NEEDS_REVIEW: 'needs review' };

export function outcomeWords(outcome: string | null | undefined): string {
  return OUTCOME_WORDS[outcome ?? ''] ?? outcome ?? '';
}

function Recorded(props: { screening: Screening }) {
  const s = props.screening;
  return (
    <div class="result" role="status" id="screening-result" data-screening-id={s.id}>
      <p>
        Screening recorded: PHQ-9 <strong id="screening-total">{s.phq9Total}</strong> ({bandWords(s.phq9Band)}). The rules'
        proposal: <strong id="proposal-outcome">{outcomeWords(s.proposal?.outcome)}</strong>.
      </p>
    </div>
  );
}
