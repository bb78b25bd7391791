import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../../lib/time';
import { CheckField, FormProblem, Notice, type Submit, TextAreaField, textOf, useEntry } from './fields';
import type { DischargeChecklist, SessionRecord, Signature } from './types';

const CHECKLIST: { field: keyof Omit<DischargeChecklist, 'checkedBy' | 'checkedAt'>; id: string; label: string }[] = [
  { field: 'vitalsNearBaseline', id: 'discharge-vitals', label: 'Vitals back near baseline' },
  { field: 'alertAndOriented', id: 'discharge-oriented', label: 'Alert and oriented' },
  { field: 'steadyGait', id: 'discharge-gait', label: 'Walking steadily' },
  { field: 'escortPresent', id: 'discharge-escort', label: 'Escort present' },
  { field: 'instructionsGiven', id: 'discharge-instructions', label: 'Written instructions given' },
];

type Boxes = Record<(typeof CHECKLIST)[number]['field'], boolean>;

function boxesOf(saved: DischargeChecklist | null): Boxes {
  return {
    vitalsNearBaseline: saved?.vitalsNearBaseline ?? false,
    alertAndOriented: saved?.alertAndOriented ?? false,
    steadyGait: saved?.steadyGait ?? false,
    escortPresent: saved?.escortPresent ?? false,
    instructionsGiven: saved?.instructionsGiven ?? false,
  };
}

/**
 * Discharge: the criteria still open (the service's list), the checklist (its boxes as saved), then the signatures:
 * the nurse's and the clinician's, each button only for its role. A signed record is final.
 */
export function DischargeSection(props: {
  record: SessionRecord;
  zone: string;
  isNurse: boolean;
  isClinician: boolean;
  submit: Submit;
}) {
  const { record, zone } = props;
  const open = record.openDischargeCriteria;
  const signedOnce = !!(record.nurseSignature || record.clinicianSignature);
  return (
    <section aria-labelledby="discharge-heading" id="discharge">
      <h2 id="discharge-heading">Discharge</h2>
      <h3>Still open before sign-off</h3>
      <ul class="entries" id="open-criteria">
        {open.map((criterion, i) => (
          <li key={criterion.criterion + i} data-criterion={criterion.criterion}>
            {criterion.detail}
          </li>
        ))}
        {open.length === 0 && <li id="nothing-open">Nothing: the discharge can be signed.</li>}
      </ul>
      {record.discharge && (
        <p class="muted" id="discharge-checked">
          Checklist saved by {record.discharge.checkedBy} at {formatTime(record.discharge.checkedAt, zone)}.
        </p>
      )}
      {props.isNurse && !signedOnce && record.status !== 'COMPLETED' && (
        <ChecklistForm record={record} submit={props.submit} />
      )}
      <h3>Signatures</h3>
      <dl class="facts" id="signatures">
        <div>
          <dt>Nurse</dt>
          <dd id="nurse-signature">{signature(record.nurseSignature, zone)}</dd>
        </div>
        <div>
          <dt>Clinician</dt>
          <dd id="clinician-signature">{signature(record.clinicianSignature, zone)}</dd>
        </div>
      </dl>
      {record.status === 'COMPLETED' && (
        <p class="result" id="record-completed">
          Completed: signed by nurse and clinician. The record is final; corrections are addenda.
        </p>
      )}
      {props.isNurse && !record.nurseSignature && record.status !== 'COMPLETED' && (
        <NurseSignature submit={props.submit} openCount={open.length} />
      )}
      {props.isClinician && !record.clinicianSignature && record.status !== 'COMPLETED' && (
        <ClinicianSignature submit={props.submit} openCount={open.length} />
      )}
    </section>
  );
}

function signature(value: Signature | null, zone: string): string {
  return value ? value.signedBy + ' at ' + formatTime(value.signedAt, zone) : 'not signed';
}

function ChecklistForm(props: { record: SessionRecord; submit: Submit }) {
  const saved = props.record.discharge;
  const [boxes, setBoxes] = useState<Boxes>(boxesOf(saved));
  const [dirty, setDirty] = useState(false);
  const entry = useEntry(props.submit);
  // the boxes follow the record (another nurse's checklist) until the nurse here starts changing them
  useEffect(() => {
    if (!dirty) {
      setBoxes(boxesOf(saved));
    }
  }, [saved?.checkedAt, dirty]);
  function onSubmit(event: Event) {
    event.preventDefault();
    const ticked = CHECKLIST.filter((item) => boxes[item.field]).length;
    void entry.send({ step: 'discharge-checklist', body: boxes, label: `Discharge checklist (${ticked} of 5)`, versioned: true }, () =>
      setDirty(false),
    );
  }
  return (
    <form id="discharge-form" novalidate onSubmit={onSubmit}>
      <FormProblem problem={entry.problem} id="discharge-problem" what="The checklist was not saved"
        fields={CHECKLIST.map((item) => item.field)} />
      <fieldset>
        <legend>Discharge checklist</legend>
        <div class="row">
          {CHECKLIST.map((item) => (
            <CheckField key={item.id} id={item.id} label={item.label} checked={boxes[item.field]} error={entry.error(item.field)}
              onChange={(checked) => {
                setDirty(true);
                setBoxes({ ...boxes, [item.field]: checked });
              }} />
          ))}
        </div>
      </fieldset>
      <button type="submit" id="discharge-button" disabled={entry.busy}>
        Save the checklist
      </button>
      <Notice text={entry.notice} id="discharge-notice" />
    </form>
  );
}

function NurseSignature(props: { submit: Submit; openCount: number }) {
  const [notes, setNotes] = useState('');
  const entry = useEntry(props.submit);
  function onSubmit(event: Event) {
    event.preventDefault();
    void entry.send({ step: 'completion', body: { notes: textOf(notes) }, label: 'Nurse signature', versioned: true }, () => undefined);
  }
  return (
    <form id="completion-form" novalidate onSubmit={onSubmit}>
      <FormProblem problem={entry.problem} id="completion-problem" what="The discharge was not signed" fields={['notes']} />
      <TextAreaField id="completion-notes" label="Notes for the record" value={notes} onInput={setNotes} error={entry.error('notes')} />
      {props.openCount > 0 && <p class="muted">The discharge can be signed once nothing is open above.</p>}
      <button type="submit" id="nurse-sign-button" disabled={entry.busy}>
        Sign the discharge (nurse)
      </button>
      <Notice text={entry.notice} id="completion-notice" />
    </form>
  );
}

function ClinicianSignature(props: { submit: Submit; openCount: number }) {
  const entry = useEntry(props.submit);
  function onSubmit(event: Event) {
    event.preventDefault();
    void entry.send({ step: 'clinician-sign-off', body: {}, label: 'Clinician signature', versioned: true }, () => undefined);
  }
  return (
    <form id="clinician-sign-off-form" novalidate onSubmit={onSubmit}>
      <FormProblem problem={entry.problem} id="clinician-sign-off-problem" what="The discharge was not signed" fields={[]} />
      {props.openCount > 0 && <p class="muted">The discharge can be signed once nothing is open above.</p>}
      <button type="submit" id="clinician-sign-button" disabled={entry.busy}>
        Sign the discharge (clinician)
      </button>
      <Notice text={entry.notice} id="clinician-sign-off-notice" />
    </form>
  );
}
