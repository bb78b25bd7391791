import { useState } from 'preact/hooks';
import { formatTime } from '../../lib/time';
import { CheckField, FormProblem, InputField, Notice, type Submit, TextAreaField, missing, textOf, useEntry } from './fields';
import type { SessionRecord } from './types';

/** PHQ-9 as published (Kroenke 2001): over the last 2 weeks, how often bothered by … */
export const PHQ9_ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless '
    + 'that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
];

const PHQ9_ANSWERS = ['0 · Not at all', '1 · Several days', '2 · More than half the days', '3 · Nearly every day'];

/**
 * Check-in: identity and an escort or driver home confirmed, fasting, medication changes, PHQ-9. Once saved it shows
 * what was saved (the boxes as they were ticked, the PHQ-9 score, who and when); until the dose it can be changed.
 */
export function CheckInSection(props: { record: SessionRecord; zone: string; canChart: boolean; submit: Submit }) {
  const { record, zone } = props;
  const saved = record.checkIn;
  const [editing, setEditing] = useState(false);
  const open = record.status !== 'COMPLETED' && !record.nurseSignature && !record.clinicianSignature && !record.dosing;
  return (
    <section aria-labelledby="check-in-heading" id="check-in">
      <h2 id="check-in-heading">Check-in</h2>
      {saved && (
        <dl class="facts" id="check-in-saved">
          <div>
            <dt>Identity</dt>
            <dd>{saved.identityConfirmed ? 'confirmed' : 'not confirmed'}</dd>
          </div>
          <div>
            <dt>Escort or driver home</dt>
            <dd>
              {saved.escortConfirmed ? 'confirmed' : 'not confirmed'}
              {saved.escortName && ': ' + saved.escortName}
            </dd>
          </div>
          <div>
            <dt>Fasting</dt>
            <dd>{saved.fasting ? 'yes' : 'no'}</dd>
          </div>
          <div>
            <dt>Medication changes</dt>
            <dd>{saved.medicationChanges ?? 'none'}</dd>
          </div>
          <div>
            <dt>PHQ-9</dt>
            <dd id="check-in-phq9-total">
              {saved.phq9Total === null ? 'not taken' : saved.phq9Total + ' (answers ' + saved.phq9Items!.join(', ') + ')'}
              {saved.phq9SuicideRiskFlag && <strong class="warning"> · item 9 above 0: suicide-risk flag</strong>}
            </dd>
          </div>
          <div>
            <dt>Checked in</dt>
            <dd>
              by {saved.checkedInBy} at {formatTime(saved.checkedInAt, zone)}
            </dd>
          </div>
        </dl>
      )}
      {props.canChart && open && (saved === null || editing) && (
        <CheckInForm record={record} submit={props.submit} onDone={() => setEditing(false)} />
      )}
      {props.canChart && open && saved && !editing && (
        <button type="button" class="secondary" id="check-in-change" onClick={() => setEditing(true)}>
          Change the check-in
        </button>
      )}
    </section>
  );
}

function CheckInForm(props: { record: SessionRecord; submit: Submit; onDone: () => void }) {
  const saved = props.record.checkIn;
  const [identity, setIdentity] = useState(saved?.identityConfirmed ?? false);
  const [escort, setEscort] = useState(saved?.escortConfirmed ?? false);
  const [escortName, setEscortName] = useState(saved?.escortName ?? '');
  const [fasting, setFasting] = useState(saved?.fasting ?? false);
  const [medication, setMedication] = useState(saved?.medicationChanges ?? '');
  const [phq9, setPhq9] = useState<string[]>(saved?.phq9Items?.map(String) ?? Array(9).fill(''));
  const entry = useEntry(props.submit);

  function onSubmit(event: Event) {
    event.preventDefault();
    const answered = phq9.filter((answer) => answer !== '').length;
    const required = missing({ identityConfirmed: identity || null, escortConfirmed: escort || null });
    if (required) {
      entry.refuse(required);
      return;
    }
    if (answered > 0 && answered < 9) {
      entry.refuse({ title: 'PHQ-9 incomplete', errors: [{ field: 'phq9Items', message: 'Answer all 9 items, or none' }] });
      return;
    }
    const body = {
      identityConfirmed: identity,
      escortConfirmed: escort,
      escortName: textOf(escortName),
      fasting,
      medicationChanges: textOf(medication),
      phq9Items: answered === 9 ? phq9.map(Number) : null,
    };
    void entry.send({ step: 'check-in', body, label: 'Check-in', versioned: true }, props.onDone);
  }

  const phq9Error = entry.error('phq9Items');
  return (
    <form id="check-in-form" novalidate onSubmit={onSubmit}>
      <FormProblem problem={entry.problem} id="check-in-problem" what="The check-in was not saved"
        fields={['identityConfirmed', 'escortConfirmed', 'escortName', 'medicationChanges', 'phq9Items']} />
      <div class="row">
        <CheckField id="check-in-identity" label="Identity confirmed" checked={identity} onChange={setIdentity}
          error={entry.error('identityConfirmed')} />
        <CheckField id="check-in-escort" label="Escort or driver home confirmed" checked={escort} onChange={setEscort}
          error={entry.error('escortConfirmed')} />
        <CheckField id="check-in-fasting" label="Fasting" checked={fasting} onChange={setFasting} />
        <InputField id="check-in-escort-name" label="Escort's name" value={escortName} onInput={setEscortName}
          error={entry.error('escortName')} />
      </div>
      <div class="row">
        <TextAreaField id="check-in-medication-changes" label="Medication changes since the last session" value={medication}
          onInput={setMedication} error={entry.error('medicationChanges')} />
      </div>
      <fieldset class="phq9" aria-describedby={phq9Error ? 'check-in-phq9-error' : undefined}>
        <legend>PHQ-9 before the session (all 9 or none): over the last 2 weeks, how often bothered by…</legend>
        {PHQ9_ITEMS.map((item, i) => (
          <div class="phq9-item" key={i}>
            <label for={'check-in-phq9-' + (i + 1)}>
              {i + 1}. {item}
            </label>
            <select
              id={'check-in-phq9-' + (i + 1)}
              value={phq9[i]}
              aria-invalid={phq9Error ? 'true' : undefined}
              onChange={(e) => {
                const next = [...phq9];
                next[i] = (e.target as HTMLSelectElement).value;
                setPhq9(next);
              }}
            >
              <option value="">–</option>
              {PHQ9_ANSWERS.map((answer, score) => (
                <option key={score} value={String(score)}>
                  {answer}
                </option>
              ))}
            </select>
          </div>
        ))}
        {phq9Error && (
          <span class="field-error" id="check-in-phq9-error">
            {phq9Error}
          </span>
        )}
      </fieldset>
      <button type="submit" id="check-in-button" disabled={entry.busy}>
        {saved ? 'Save the check-in' : 'Check in'}
      </button>
      <Notice text={entry.notice} id="check-in-notice" />
    </form>
  );
}
