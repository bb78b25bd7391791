import { useState } from 'preact/hooks';
import { formatTime } from '../../lib/time';
import { FormProblem, InputField, Notice, type Submit, TextAreaField, missing, numberOf, textOf, useEntry } from './fields';
import { describeNext, nextReading } from './readings';
import type { SessionRecord, VitalsSeries } from './types';
import { VitalsChart } from './VitalsChart';

const PHASE: Record<string, string> = { PRE_DOSE: 'pre-dose', INFUSION: 'infusion', RECOVERY: 'recovery' };

/**
 * Vitals: the countdown to the next reading, the chart against the thresholds, the entry of a reading (a nurse's), the
 * readings as a table; before the dose, a blood pressure above the pre-dose limit and the clinician's confirmation.
 */
export function VitalsSection(props: {
  record: SessionRecord;
  series: VitalsSeries | null;
  zone: string;
  now: number;
  canChart: boolean;
  isClinician: boolean;
  submit: Submit;
}) {
  const { record, zone } = props;
  const next = nextReading(record.readings, props.now);
  const open = record.status !== 'COMPLETED' && !record.nurseSignature && !record.clinicianSignature;
  return (
    <section aria-labelledby="vitals-heading" id="vitals">
      <h2 id="vitals-heading">Vitals {record.phase === 'PRE_DOSE' && <span class="muted">(pre-dose)</span>}</h2>
      <p id="next-reading" role="timer" class={'countdown countdown-' + next.status.toLowerCase()} data-status={next.status}>
        {describeNext(next, zone)}
      </p>
      {next.missed.length > 0 && (
        <p class="warning" id="missed-readings">
          Not taken in time: {next.missed.map((slot) => formatTime(slot.dueAt, zone)).join(', ')}
        </p>
      )}
      {record.awaitingBpConfirmation && (
        <BpConfirmation record={record} isClinician={props.isClinician} submit={props.submit} />
      )}
      {record.preDoseClearance && (
        <p class="muted" id="bp-confirmed">
          Pre-dose blood pressure confirmed by {record.preDoseClearance.clearedBy} at{' '}
          {formatTime(record.preDoseClearance.clearedAt, zone)}: {record.preDoseClearance.reason}
        </p>
      )}
      {props.series && <VitalsChart series={props.series} now={props.now} zone={zone} />}
      {props.canChart && open && <VitalsForm submit={props.submit} phase={PHASE[record.phase]} />}
      <table id="vitals-table">
        <caption class="visually-hidden">Vitals readings, times in the site's time zone</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Phase</th>
            <th scope="col">BP (mmHg)</th>
            <th scope="col">HR (/min)</th>
            <th scope="col">SpO2 (%)</th>
            <th scope="col">RR (/min)</th>
            <th scope="col">By</th>
            <th scope="col">Beyond a threshold</th>
          </tr>
        </thead>
        <tbody>
          {record.vitals.map((v) => (
            <tr key={v.takenAt} class={v.breaches.length ? 'breach-row' : undefined}>
              <td>{formatTime(v.takenAt, zone)}</td>
              <td>{PHASE[v.phase]}</td>
              <td>
                {v.systolic}/{v.diastolic}
              </td>
              <td>{v.heartRate}</td>
              <td>{v.spo2}</td>
              <td>{v.respiratoryRate}</td>
              <td>{v.takenBy}</td>
              <td>{v.breaches.map((b) => b.description).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {record.vitals.length === 0 && <p class="muted">No readings yet.</p>}
    </section>
  );
}

function VitalsForm(props: { submit: Submit; phase: string }) {
  const [values, setValues] = useState({ systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '' });
  const entry = useEntry(props.submit);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });

  function onSubmit(event: Event) {
    event.preventDefault();
    const body = {
      systolic: numberOf(values.systolic),
      diastolic: numberOf(values.diastolic),
      heartRate: numberOf(values.heartRate),
      spo2: numberOf(values.spo2),
      respiratoryRate: numberOf(values.respiratoryRate),
    };
    const empty = missing(body);
    if (empty) {
      entry.refuse(empty);
      return;
    }
    const label = `Vitals ${body.systolic}/${body.diastolic}, HR ${body.heartRate}, SpO2 ${body.spo2}, RR ${body.respiratoryRate}`;
    void entry.send({ step: 'vitals', body, label, versioned: false }, () =>
      setValues({ systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '' }),
    );
  }

  const field = (id: string, name: keyof typeof values, label: string) => (
    <InputField id={id} label={label} type="number" inputMode="numeric" step="1" value={values[name]} onInput={set(name)}
      error={entry.error(name)} required />
  );
  return (
    <form id="vitals-form" novalidate onSubmit={onSubmit} aria-label={'Record a ' + props.phase + ' vitals reading'}>
      <FormProblem problem={entry.problem} id="vitals-problem" what="The reading was not recorded"
        fields={['systolic', 'diastolic', 'heartRate', 'spo2', 'respiratoryRate']} />
      <div class="row">
        {field('vitals-systolic', 'systolic', 'Systolic (mmHg)')}
        {field('vitals-diastolic', 'diastolic', 'Diastolic (mmHg)')}
        {field('vitals-heart-rate', 'heartRate', 'Heart rate (/min)')}
        {field('vitals-spo2', 'spo2', 'SpO2 (%)')}
        {field('vitals-respiratory-rate', 'respiratoryRate', 'Respiratory rate (/min)')}
      </div>
      <button type="submit" id="vitals-button" disabled={entry.busy}>
        Record {props.phase} reading
      </button>
      <Notice text={entry.notice} id="vitals-notice" />
    </form>
  );
}

/** A pre-dose blood pressure above the clinic's limit: everyone sees it; a clinician confirms dosing with a reason. */
function BpConfirmation(props: { record: SessionRecord; isClinician: boolean; submit: Submit }) {
  const limits = props.record.doseLimits;
  const [reason, setReason] = useState('');
  const entry = useEntry(props.submit);
  function onSubmit(event: Event) {
    event.preventDefault();
    const empty = missing({ reason: textOf(reason) });
    if (empty) {
      entry.refuse(empty);
      return;
    }
    void entry.send(
      { step: 'pre-dose-confirmation', body: { reason: textOf(reason) }, label: 'Pre-dose BP confirmation', versioned: true },
      () => setReason(''),
    );
  }
  return (
    <div class="attention" id="bp-warning">
      <p class="warning">
        The pre-dose blood pressure is above {limits.preDoseSystolicAbove}/{limits.preDoseDiastolicAbove} mmHg: no dose until
        a clinician confirms.
      </p>
      {props.isClinician && (
        <form id="bp-confirmation-form" novalidate onSubmit={onSubmit}>
          <FormProblem problem={entry.problem} id="bp-confirmation-problem" what="The confirmation was not saved" fields={['reason']} />
          <TextAreaField id="bp-confirmation-reason" label="Why dosing may go ahead" value={reason} onInput={setReason}
            error={entry.error('reason')} required />
          <button type="submit" id="bp-confirmation-button" disabled={entry.busy}>
            Confirm dosing
          </button>
          <Notice text={entry.notice} id="bp-confirmation-notice" />
        </form>
      )}
    </div>
  );
}
