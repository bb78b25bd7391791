import { useCallback, useEffect, useState } from 'preact/hooks';
import { DecisionForm } from '../../components/DecisionForm';
import { Field, FormProblem, invalid } from '../../components/Field';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { type ClinicClock, loadClinicClock } from '../../lib/clinic';
import { formatDateTime } from '../../lib/dates';
import { type FieldErrors, fieldErrors } from '../../lib/formErrors';
import { type Me, hasAnyRole } from '../../lib/me';
import { zoneLabel } from '../../lib/time';
import { Reasons } from '../patient/Screenings';
import { latestDecision } from '../patient/Decisions';
import type { PatientDetails } from '../patient/types';
import { type QueueItem, type WaitingRecord, inQueueOrder, whyWaiting } from './review';

const patientHref = (id: string) => '/patient.html?id=' + encodeURIComponent(id);

/**
 * What waits for a clinician: patients to review (urgent first, the rules that fired with the answers that triggered
 * them; accepting the proposal or deciding otherwise with a reason signs the decision; an adverse event's flag is
 * cleared with a reason), pre-dose blood pressures to confirm before the nurse may dose, and discharges to co-sign.
 */
export function Review(props: { me: Me }) {
  const signs = hasAnyRole(props.me, 'clinician');
  const [queue, setQueue] = useState<QueueItem[] | null>(null);
  const [bp, setBp] = useState<WaitingRecord[] | null>(null);
  const [signOffs, setSignOffs] = useState<WaitingRecord[] | null>(null);
  const [clock, setClock] = useState<ClinicClock | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api<QueueItem[]>('GET', '/api/intake/review-queue').then((items) => setQueue(inQueueOrder(items)), setError);
    api<WaitingRecord[]>('GET', '/api/session/records?awaiting=BP_CONFIRMATION').then(setBp, setError);
    api<WaitingRecord[]>('GET', '/api/session/records?awaiting=CLINICIAN_SIGN_OFF').then(setSignOffs, setError);
  }, []);

  useEffect(() => {
    refresh();
    loadClinicClock().then(setClock, setError);
  }, [refresh]);

  const zone = clock?.zone ?? 'UTC';
  const finished = (message: string) => {
    setDone(message);
    refresh();
  };
  return (
    <div class="page-sections">
      <ProblemView error={error} id="review-error" />
      {done && <p class="result" role="status" id="review-done">{done}</p>}
      <section aria-labelledby="queue-heading" id="review-queue">
        <h2 id="queue-heading">Patients to review{queue ? ' (' + queue.length + ')' : ''}</h2>
        {queue === null && <p class="muted">Loading…</p>}
        {queue?.length === 0 && <p class="muted">Nobody waits for a review.</p>}
        {queue?.map((item) => (
          <QueueEntry key={item.patientId + (item.screeningId ?? '')} item={item} zone={zone} signs={signs} onDone={finished} />
        ))}
      </section>
      <section aria-labelledby="bp-heading" id="bp-confirmations">
        <h2 id="bp-heading">Pre-dose blood pressure to confirm{bp ? ' (' + bp.length + ')' : ''}</h2>
        {bp?.length === 0 && <p class="muted">No dose waits for a confirmation.</p>}
        {bp?.map((record) => (
          <BpConfirmation key={record.id} record={record} zone={zone} signs={signs} onDone={finished} />
        ))}
      </section>
      <section aria-labelledby="signoff-heading" id="co-signatures">
        <h2 id="signoff-heading">Discharges to sign{signOffs ? ' (' + signOffs.length + ')' : ''}</h2>
        {signOffs?.length === 0 && <p class="muted">No discharge waits for a clinician's signature.</p>}
        {signOffs?.map((record) => (
          <SignOff key={record.id} record={record} zone={zone} signs={signs} onDone={finished} />
        ))}
      </section>
    </div>
  );
}

function QueueEntry(props: { item: QueueItem; zone: string; signs: boolean; onDone: (message: string) => void }) {
  const { item, zone } = props;
  const [open, setOpen] = useState(false);
  const [patient, setPatient] = useState<PatientDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  const name = item.patientName ?? 'Unknown patient';

  const expand = () => {
    setOpen(!open);
    if (!patient) {
      api<PatientDetails>('GET', '/api/intake/patients/' + encodeURIComponent(item.patientId)).then(setPatient, setError);
    }
  };
  const latest = patient ? latestDecision(patient.decisions ?? []) : null;
  return (
    <article class={'queue-item' + (item.urgent ? ' urgent' : '')} data-patient-id={item.patientId}>
      <h3>
        {item.urgent && <span class="warning">Urgent · </span>}
        <a href={patientHref(item.patientId)}>{name}</a> <span class="muted">{item.mrn}</span>
      </h3>
      <p class="muted">
        {whyWaiting(item)}
        {item.screenedAt && <> · screened {formatDateTime(item.screenedAt, zone)} ({zoneLabel(zone)})</>}
      </p>
      {item.screeningId && <Reasons reasons={item.reasons} />}
      {item.flags.map((flag) => (
        <FlagClearance key={flag.id} patientId={item.patientId} flag={flag} zone={zone} signs={props.signs}
          onDone={() => props.onDone('Review flag of ' + name + ' cleared.')} />
      ))}
      {props.signs && item.screeningId && item.proposedOutcome && (
        <>
          <button type="button" class="secondary decide" aria-expanded={open} onClick={expand}>
            {open ? 'Hide the decision' : 'Decide'}
          </button>
          <ProblemView error={error} />
          {open && patient && (
            <DecisionForm idPrefix={'decide-' + item.patientId} patientId={item.patientId} screeningId={item.screeningId}
              proposed={item.proposedOutcome} latest={latest} zone={zone}
              onSigned={(d) => props.onDone('Decision for ' + name + ' signed: ' + (d.outcome === 'CLEARED' ? 'cleared' : 'declined') + '.')} />
          )}
        </>
      )}
    </article>
  );
}

/** A reason the clinician writes to answer something: clearing a flag, confirming a blood pressure. */
function ReasonForm(props: { id: string; label: string; button: string; path: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const labels = { reason: props.label };
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    if (!reason.trim()) {
      setErrors({ reason: props.label + ' is required.' });
      return;
    }
    setErrors({});
    try {
      await api('POST', props.path, { reason: reason.trim() });
      props.onDone();
    } catch (failure) {
      setErrors(fieldErrors(failure, labels));
      setProblem(failure);
    }
  };
  return (
    <form id={props.id} class="inline-form" noValidate onSubmit={submit}>
      <FormProblem error={problem} labels={labels} />
      <Field id={props.id + '-reason'} label={props.label} error={errors.reason}>
        <textarea id={props.id + '-reason'} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          {...invalid(props.id + '-reason', errors.reason)} />
      </Field>
      <button type="submit" id={props.id + '-submit'}>{props.button}</button>
    </form>
  );
}

function FlagClearance(props: { patientId: string; flag: QueueItem['flags'][number]; zone: string; signs: boolean; onDone: () => void }) {
  const { flag } = props;
  return (
    <div class="flag" data-flag-id={flag.id}>
      <p>
        <strong class="warning">{flag.grade.toLowerCase()} adverse event</strong> · {flag.reason} ·{' '}
        {formatDateTime(flag.raisedAt, props.zone)} ({zoneLabel(props.zone)})
      </p>
      {props.signs && (
        <ReasonForm id={'clear-' + flag.id} label="Why the flag can be cleared" button="Clear the flag"
          path={'/api/intake/patients/' + encodeURIComponent(props.patientId) + '/review-flags/' + encodeURIComponent(flag.id) + '/clearance'}
          onDone={props.onDone} />
      )}
    </div>
  );
}

function where(record: WaitingRecord, zone: string): string {
  const at = record.timeZone ?? zone;
  return [record.position, record.chairName, record.siteName,
    record.start ? formatDateTime(record.start, at) + ' (' + zoneLabel(at) + ')' : null].filter(Boolean).join(' · ');
}

function BpConfirmation(props: { record: WaitingRecord; zone: string; signs: boolean; onDone: (message: string) => void }) {
  const { record } = props;
  const reading = record.preDoseReading;
  const at = record.timeZone ?? props.zone;
  return (
    <article class="waiting" data-record-id={record.id}>
      <h3>
        <a href={patientHref(record.patientId)}>{record.patientName ?? 'Patient'}</a> <span class="muted">{record.mrn}</span>
      </h3>
      <p class="muted">{where(record, props.zone)}</p>
      {reading && (
        <p>
          Pre-dose BP <strong class="warning">{reading.systolic}/{reading.diastolic} mmHg</strong>, heart rate {reading.heartRate},
          taken {formatDateTime(reading.takenAt, at)} ({zoneLabel(at)}) by {reading.takenBy}
        </p>
      )}
      {props.signs && (
        <ReasonForm id={'confirm-' + record.id} label="Why the dose may go ahead" button="Confirm the blood pressure"
          path={'/api/session/records/' + encodeURIComponent(record.id) + '/pre-dose-confirmation'}
          onDone={() => props.onDone('Blood pressure of ' + (record.patientName ?? 'the patient') + ' confirmed: the nurse may dose.')} />
      )}
    </article>
  );
}

function SignOff(props: { record: WaitingRecord; zone: string; signs: boolean; onDone: (message: string) => void }) {
  const { record } = props;
  const [problem, setProblem] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const sign = async () => {
    try {
      await api('POST', '/api/session/records/' + encodeURIComponent(record.id) + '/clinician-sign-off');
      props.onDone('Discharge of ' + (record.patientName ?? 'the patient') + ' signed.');
    } catch (failure) {
      setProblem(failure);
    }
  };
  const at = record.timeZone ?? props.zone;
  return (
    <article class="waiting" data-record-id={record.id}>
      <h3>
        <a href={patientHref(record.patientId)}>{record.patientName ?? 'Patient'}</a> <span class="muted">{record.mrn}</span>
      </h3>
      <p class="muted">{where(record, props.zone)}</p>
      <p>
        {record.nurseSignature
          ? <>Signed by nurse {record.nurseSignature.signedBy} at {formatDateTime(record.nurseSignature.signedAt, at)} ({zoneLabel(at)}): your co-signature completes the record.</>
          : <>Every discharge criterion holds; the nurse has not signed yet.</>}
      </p>
      <ProblemView error={problem} />
      {props.signs && !confirming && (
        <button type="button" id={'sign-' + record.id} onClick={() => setConfirming(true)}>Sign the discharge</button>
      )}
      {props.signs && confirming && (
        <p class="confirm" role="alert">
          A signed record cannot be changed (corrections are addenda). Sign it?{' '}
          <button type="button" id={'sign-confirm-' + record.id} onClick={sign}>Yes, sign</button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>No</button>
        </p>
      )}
    </article>
  );
}
