import { useState } from 'preact/hooks';
import { formatTime } from '../../lib/time';
import { FormProblem, InputField, Notice, SelectField, type Submit, TextAreaField, missing, textOf, useEntry } from './fields';
import type { Alert, AlertAction, SessionRecord } from './types';

const ACTIONS: { value: AlertAction; label: string }[] = [
  { value: 'PAUSE', label: 'Pause' },
  { value: 'SLOW', label: 'Slow down' },
  { value: 'STOP', label: 'Stop (ends a running infusion)' },
  { value: 'CONTINUE', label: 'Continue (say why)' },
];

const EFFECTS = [
  ['NAUSEA', 'Nausea'],
  ['DIZZINESS', 'Dizziness'],
  ['DISSOCIATION', 'Dissociation'],
  ['BLURRED_VISION', 'Blurred vision'],
  ['HALLUCINATIONS', 'Hallucinations'],
  ['ANXIETY', 'Anxiety'],
  ['HEADACHE', 'Headache'],
  ['ELEVATED_BP', 'Elevated blood pressure'],
  ['OTHER', 'Other (describe in the note)'],
].map(([value, label]) => ({ value, label }));

const SEVERITIES = ['MILD', 'MODERATE', 'SEVERE'].map((value) => ({ value, label: value.toLowerCase() }));

const GRADES = ['MILD', 'MODERATE', 'SEVERE', 'SERIOUS'].map((value) => ({ value, label: value.toLowerCase() }));

/** CADSS-6: items 1, 2, 6, 7, 15 and 22 of the CADSS, each scored 0 (not at all) to 4 (extremely). */
const CADSS_ITEMS = [1, 2, 6, 7, 15, 22];

const CADSS_ANSWERS = ['0 · Not at all', '1 · Slightly', '2 · Moderately', '3 · Considerably', '4 · Extremely'];

const isOpen = (record: SessionRecord) => record.status !== 'COMPLETED' && !record.nurseSignature && !record.clinicianSignature;

/** Alerts raised by readings beyond a threshold: each needs an action recorded, by a nurse or a clinician. */
export function AlertsSection(props: { record: SessionRecord; zone: string; canNote: boolean; submit: Submit }) {
  const { record, zone } = props;
  const waiting = record.alerts.filter((alert) => alert.response === null);
  const answered = record.alerts.filter((alert) => alert.response !== null);
  if (record.alerts.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="alerts-heading" id="alerts" class={waiting.length ? 'attention' : undefined}>
      <h2 id="alerts-heading">
        Alerts {waiting.length > 0 && <span class="warning">({waiting.length} need an action)</span>}
      </h2>
      <ul class="entries">
        {waiting.map((alert) => (
          <li key={alert.id} data-alert-id={alert.id} class="warning-item">
            <p>
              <strong>{formatTime(alert.raisedAt, zone)}</strong> {alert.breaches.map((b) => b.description).join('; ')}: no
              action recorded yet
            </p>
            {props.canNote && isOpen(record) && <AlertForm alert={alert} submit={props.submit} />}
          </li>
        ))}
        {answered.map((alert) => (
          <li key={alert.id} data-alert-id={alert.id}>
            {formatTime(alert.raisedAt, zone)} {alert.breaches.map((b) => b.description).join('; ')} →{' '}
            {alert.response!.action.toLowerCase()}
            {alert.response!.reason && ' (' + alert.response!.reason + ')'} by {alert.response!.respondedBy} at{' '}
            {formatTime(alert.response!.respondedAt, zone)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AlertForm(props: { alert: Alert; submit: Submit }) {
  const [action, setAction] = useState<string>('PAUSE');
  const [reason, setReason] = useState('');
  const entry = useEntry(props.submit);
  const id = 'alert-' + props.alert.id;
  function onSubmit(event: Event) {
    event.preventDefault();
    if (action === 'CONTINUE') {
      const empty = missing({ reason: textOf(reason) });
      if (empty) {
        entry.refuse(empty);
        return;
      }
    }
    void entry.send(
      {
        step: 'alerts/' + encodeURIComponent(props.alert.id) + '/action',
        body: { action, reason: textOf(reason) },
        label: 'Alert action: ' + action.toLowerCase(),
        versioned: false,
      },
      () => setReason(''),
    );
  }
  return (
    <form class="alert-action-form" novalidate onSubmit={onSubmit} aria-label="Action on the alert">
      <FormProblem problem={entry.problem} id={id + '-problem'} what="The action was not recorded" fields={['action', 'reason']} />
      <div class="row">
        <SelectField id={id + '-action'} label="Action" value={action} onChange={setAction} options={ACTIONS}
          error={entry.error('action')} />
        <InputField id={id + '-reason'} label="Reason" value={reason} onInput={setReason} error={entry.error('reason')} />
      </div>
      <button type="submit" disabled={entry.busy}>
        Record the action
      </button>
      <Notice text={entry.notice} id={id + '-notice'} />
    </form>
  );
}

/** Side effects with their severity, CADSS-6 scores and adverse events, by a nurse or a clinician. */
export function NotesSection(props: { record: SessionRecord; zone: string; canNote: boolean; submit: Submit }) {
  const { record, zone } = props;
  const open = props.canNote && isOpen(record);
  return (
    <>
      <section aria-labelledby="side-effects-heading" id="side-effects">
        <h2 id="side-effects-heading">Side effects and CADSS-6</h2>
        <ul class="entries" id="side-effects-list">
          {record.sideEffects.map((effect, i) => (
            <li key={'e' + i}>
              {EFFECTS.find((e) => e.value === effect.effect)?.label ?? effect.effect} ({effect.severity.toLowerCase()})
              {effect.note && ': ' + effect.note} · {effect.recordedBy}, {formatTime(effect.recordedAt, zone)}
            </li>
          ))}
          {record.cadssScores.map((score, i) => (
            <li key={'c' + i}>
              CADSS-6 {score.total} of 24 (answers {score.items.join(', ')}) · {score.recordedBy},{' '}
              {formatTime(score.recordedAt, zone)}
            </li>
          ))}
        </ul>
        {record.sideEffects.length + record.cadssScores.length === 0 && <p class="muted">None recorded.</p>}
        {open && <SideEffectForm submit={props.submit} />}
        {open && <CadssForm submit={props.submit} />}
      </section>
      <section aria-labelledby="adverse-events-heading" id="adverse-events">
        <h2 id="adverse-events-heading">Adverse events</h2>
        <ul class="entries" id="adverse-events-list">
          {record.adverseEvents.map((event) => (
            <li key={event.id} class={event.grade === 'SERIOUS' || event.grade === 'SEVERE' ? 'warning' : undefined}>
              {event.grade.toLowerCase()}: {event.description} · {event.reportedBy}, {formatTime(event.reportedAt, zone)}
            </li>
          ))}
        </ul>
        {record.adverseEvents.length === 0 && <p class="muted">None reported.</p>}
        {open && <AdverseEventForm submit={props.submit} />}
      </section>
    </>
  );
}

function SideEffectForm(props: { submit: Submit }) {
  const [effect, setEffect] = useState('NAUSEA');
  const [severity, setSeverity] = useState('MILD');
  const [note, setNote] = useState('');
  const entry = useEntry(props.submit);
  function onSubmit(event: Event) {
    event.preventDefault();
    const label = 'Side effect: ' + EFFECTS.find((e) => e.value === effect)!.label.toLowerCase() + ', ' + severity.toLowerCase();
    void entry.send({ step: 'side-effects', body: { effect, severity, note: textOf(note) }, label, versioned: false }, () =>
      setNote(''),
    );
  }
  return (
    <form id="side-effect-form" novalidate onSubmit={onSubmit} aria-label="Record a side effect">
      <FormProblem problem={entry.problem} id="side-effect-problem" what="The side effect was not recorded"
        fields={['effect', 'severity', 'note']} />
      <div class="row">
        <SelectField id="side-effect-effect" label="Side effect" value={effect} onChange={setEffect} options={EFFECTS} />
        <SelectField id="side-effect-severity" label="Severity" value={severity} onChange={setSeverity} options={SEVERITIES} />
        <InputField id="side-effect-note" label="Note" value={note} onInput={setNote} error={entry.error('note')} />
      </div>
      <button type="submit" id="side-effect-button" disabled={entry.busy}>
        Record the side effect
      </button>
      <Notice text={entry.notice} id="side-effect-notice" />
    </form>
  );
}

function CadssForm(props: { submit: Submit }) {
  const [items, setItems] = useState<string[]>(Array(6).fill(''));
  const entry = useEntry(props.submit);
  const itemsError = entry.error('items');
  function onSubmit(event: Event) {
    event.preventDefault();
    if (items.some((item) => item === '')) {
      entry.refuse({ title: 'CADSS-6 incomplete', errors: [{ field: 'items', message: 'Answer all 6 items' }] });
      return;
    }
    const answers = items.map(Number);
    const total = answers.reduce((a, b) => a + b, 0);
    void entry.send({ step: 'cadss', body: { items: answers }, label: 'CADSS-6 ' + total, versioned: false }, () =>
      setItems(Array(6).fill('')),
    );
  }
  return (
    <form id="cadss-form" novalidate onSubmit={onSubmit} aria-label="Record a CADSS-6 score">
      <FormProblem problem={entry.problem} id="cadss-problem" what="The CADSS-6 score was not recorded" fields={['items']} />
      <fieldset aria-describedby={itemsError ? 'cadss-items-error' : undefined}>
        <legend>CADSS-6 (dissociation): items of the CADSS, each 0 to 4</legend>
        <div class="row">
          {CADSS_ITEMS.map((item, i) => (
            <div class="field" key={item}>
              <label for={'cadss-item-' + item}>CADSS item {item}</label>
              <select
                id={'cadss-item-' + item}
                value={items[i]}
                aria-invalid={itemsError ? 'true' : undefined}
                onChange={(e) => {
                  const next = [...items];
                  next[i] = (e.target as HTMLSelectElement).value;
                  setItems(next);
                }}
              >
                <option value="">–</option>
                {CADSS_ANSWERS.map((answer, score) => (
                  <option key={score} value={String(score)}>
                    {answer}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        {itemsError && (
          <span class="field-error" id="cadss-items-error">
            {itemsError}
          </span>
        )}
      </fieldset>
      <button type="submit" id="cadss-button" disabled={entry.busy}>
        Record CADSS-6
      </button>
      <Notice text={entry.notice} id="cadss-notice" />
    </form>
  );
}

function AdverseEventForm(props: { submit: Submit }) {
  const [grade, setGrade] = useState('MILD');
  const [description, setDescription] = useState('');
  const [confirming, setConfirming] = useState(false);
  const entry = useEntry(props.submit);
  function send() {
    setConfirming(false);
    void entry.send(
      { step: 'adverse-events', body: { grade, description: textOf(description) }, label: 'Adverse event (' + grade.toLowerCase() + ')', versioned: false },
      () => setDescription(''),
    );
  }
  function onSubmit(event: Event) {
    event.preventDefault();
    const empty = missing({ description: textOf(description) });
    if (empty) {
      entry.refuse(empty);
      return;
    }
    if (grade === 'SERIOUS') {
      setConfirming(true);
      return;
    }
    send();
  }
  return (
    <form id="adverse-event-form" novalidate onSubmit={onSubmit} aria-label="Report an adverse event">
      <FormProblem problem={entry.problem} id="adverse-event-problem" what="The adverse event was not reported"
        fields={['grade', 'description']} />
      <div class="row">
        <SelectField id="adverse-event-grade" label="Grade" value={grade} onChange={(value) => { setGrade(value); setConfirming(false); }}
          options={GRADES} />
        <TextAreaField id="adverse-event-description" label="What happened" value={description} onInput={setDescription}
          error={entry.error('description')} required />
      </div>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="adverse-event-confirm-text">
          <p id="adverse-event-confirm-text" class="warning">
            A serious adverse event pauses the patient's course at once: no further infusion until a clinician resumes it.
          </p>
          <button type="button" id="adverse-event-confirm" onClick={send}>
            Report the serious adverse event
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Go back
          </button>
        </div>
      ) : (
        <button type="submit" id="adverse-event-button" disabled={entry.busy}>
          Report the adverse event
        </button>
      )}
      <Notice text={entry.notice} id="adverse-event-notice" />
    </form>
  );
}
