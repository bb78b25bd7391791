import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { type Me, hasAnyRole } from '../../lib/me';
import { formatDay, formatTime } from '../../lib/time';
import { spanText, zoneNote } from './booking';
import { addDays, dateIn, dayStart, isIsoDate, statusLabel } from './calendar';
import { Field, fieldErrors, generalPart } from './forms';
import type { AppointmentDetail, Slot, WaitlistOffer } from './types';

type Step = 'none' | 'cancel' | 'no-show' | 'reschedule';

/**
 * What a role may do with an appointment (the services refuse the rest anyway): arrival only on its day, as scheduling
 * says ({@code onItsDay}, on the site's clock), and nothing but a cancellation while its course is paused.
 */
export function actionsFor(
  me: Me,
  appointment: Pick<AppointmentDetail, 'status' | 'onHold' | 'onItsDay'>,
): { arrival: boolean; noShow: boolean; reschedule: boolean; cancel: boolean } {
  const desk = hasAnyRole(me, 'front-desk', 'admin');
  const booked = appointment.status === 'booked';
  const going = booked && !appointment.onHold;
  return {
    arrival: going && appointment.onItsDay && hasAnyRole(me, 'front-desk', 'nurse', 'admin'),
    noShow: going && desk,
    reschedule: going && desk,
    cancel: (booked || appointment.status === 'arrived') && desk,
  };
}

/**
 * One booking: who, when, where and its history; arrival, no-show (confirmed first), reschedule to a free time and
 * cancellation with a reason (confirmed first), each for the roles that may. A cancelled slot shows to whom the
 * waitlist offers it.
 */
export function BookingPanel(props: {
  me: Me;
  appointmentId: string;
  patientName: string | null;
  siteId: string;
  zone: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { zone } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [detail, setDetail] = useState<AppointmentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<Step>('none');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [offers, setOffers] = useState<WaitlistOffer[] | null>(null);

  // one panel per appointment clicked (the page keys it by id); a reschedule shows the new appointment in it
  useEffect(() => {
    let current = true;
    api<AppointmentDetail>('GET', '/api/scheduling/appointments/' + props.appointmentId).then(
      (found) => current && setDetail(found),
      (failure) => current && setError(failure),
    );
    heading.current?.focus();
    return () => {
      current = false;
    };
  }, [props.appointmentId]);

  async function act(what: string, body: unknown, done: string) {
    const id = detail?.id ?? props.appointmentId;
    setBusy(true);
    setError(null);
    try {
      const changed = await api<AppointmentDetail>('POST', '/api/scheduling/appointments/' + id + '/' + what, body);
      setStep('none');
      setNotice(done);
      setDetail(changed);
      props.onChanged();
      if (what === 'cancellation') {
        api<WaitlistOffer[]>('GET', '/api/scheduling/waitlist/slots/' + id + '/offers').then(setOffers, () => setOffers(null));
      }
    } catch (failure) {
      setError(failure);
      throw failure;
    } finally {
      setBusy(false);
    }
  }

  const actions = detail ? actionsFor(props.me, detail) : null;
  const patient = props.patientName ?? 'Patient';
  return (
    <section class="panel" id="booking-panel" aria-labelledby="booking-panel-heading">
      <h2 id="booking-panel-heading" tabIndex={-1} ref={heading}>
        {patient}
      </h2>
      {detail && (
        <dl class="facts" id="booking-facts">
          <dt>When</dt>
          <dd>
            {spanText(detail, zone)} <span class="muted">({zoneNote(zone)})</span>
          </dd>
          <dt>Chair</dt>
          <dd>{detail.chairName}</dd>
          <dt>What</dt>
          <dd>{(detail.kind === 'BOOSTER' ? 'Booster ' : 'Infusion ') + detail.sequence}</dd>
          <dt>Status</dt>
          <dd id="booking-status" data-status={detail.status}>
            {statusLabel(detail)}
            {detail.cancellationReason && ' (' + detail.cancellationReason + ')'}
          </dd>
          <dt>Booked</dt>
          <dd>
            by {detail.bookedBy}, {formatDay(dateIn(detail.bookedAt, zone))} {formatTime(detail.bookedAt, zone)}
          </dd>
        </dl>
      )}
      {notice && (
        <p class="result" role="status" id="booking-notice">
          {notice}
        </p>
      )}
      {offers && offers.length > 0 && (
        <p id="booking-offers">
          The freed time is offered to {offers.length} patient(s) on the waitlist, best match first: see the waitlist below.
        </p>
      )}
      <ProblemView error={step === 'cancel' ? generalPart(error, ['reason']) : error} id="booking-error" />
      {actions && step === 'none' && (
        <p class="actions" id="booking-actions">
          {actions.arrival && (
            <button type="button" id="booking-arrival" disabled={busy} onClick={() => act('arrival', undefined, 'Marked as arrived.').catch(() => {})}>
              Arrived
            </button>
          )}
          {actions.reschedule && (
            <button type="button" class="secondary" id="booking-reschedule" onClick={() => setStep('reschedule')}>
              Reschedule…
            </button>
          )}
          {actions.noShow && (
            <button type="button" class="secondary" id="booking-no-show" onClick={() => setStep('no-show')}>
              No-show…
            </button>
          )}
          {actions.cancel && (
            <button type="button" class="danger" id="booking-cancel" onClick={() => setStep('cancel')}>
              Cancel appointment…
            </button>
          )}
        </p>
      )}
      {step === 'cancel' && (
        <CancelForm busy={busy} serverError={error} onCancel={(reason) => act('cancellation', { reason }, 'Cancelled: ' + reason + '.')} onBack={() => setStep('none')} />
      )}
      {step === 'no-show' && (
        <div class="confirm" role="group" aria-labelledby="no-show-question">
          <p id="no-show-question">Record that {patient} did not come?</p>
          <p class="actions">
            <button type="button" class="danger" id="no-show-confirm" disabled={busy} onClick={() => act('no-show', undefined, 'Recorded as no-show.').catch(() => {})}>
              Yes, a no-show
            </button>
            <button type="button" class="secondary" onClick={() => setStep('none')}>
              No, go back
            </button>
          </p>
        </div>
      )}
      {step === 'reschedule' && detail && (
        <Reschedule detail={detail} siteId={props.siteId} zone={zone} busy={busy}
          onMove={(slot) => act('reschedule', { chairId: slot.chairId, start: slot.start }, 'Moved to ' + spanText(slot, zone) + ' in ' + slot.chairName + '.')}
          onBack={() => setStep('none')} />
      )}
      {detail && detail.history.length > 0 && (
        <details class="history">
          <summary>History</summary>
          <ol>
            {detail.history.map((change, i) => (
              <li key={i}>
                {formatDay(dateIn(change.at, zone))} {formatTime(change.at, zone)}: {change.from ? statusLabel({ status: change.from }) + ' → ' : ''}
                {statusLabel({ status: change.to })} by {change.by}
                {change.reason && ' (' + change.reason + ')'}
              </li>
            ))}
          </ol>
        </details>
      )}
      <p class="actions">
        <button type="button" class="secondary" id="booking-close" onClick={props.onClose}>
          Close
        </button>
      </p>
    </section>
  );
}

/** The reason first, then the cancellation: a cancel is never one click. */
function CancelForm(props: { busy: boolean; serverError: unknown; onCancel: (reason: string) => Promise<void>; onBack: () => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const reasonError = missing ? 'Give the reason for the cancellation.' : fieldErrors(props.serverError).reason ?? null;

  function submit(event: Event) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    setMissing(false);
    props.onCancel(reason.trim()).catch(() => {});
  }

  return (
    <form id="cancel-form" class="confirm" onSubmit={submit} noValidate>
      <Field id="cancel-reason" label="Reason for the cancellation" error={reasonError}>
        {(described) => (
          <textarea {...described} ref={field} value={reason} required onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
        )}
      </Field>
      <p class="actions">
        <button type="submit" class="danger" id="cancel-confirm" disabled={props.busy}>
          Cancel the appointment
        </button>
        <button type="button" class="secondary" id="cancel-back" onClick={props.onBack}>
          Keep it
        </button>
      </p>
    </form>
  );
}

/** Another free time for the same patient, on a day picked with the date picker (the site's days). */
function Reschedule(props: {
  detail: AppointmentDetail;
  siteId: string;
  zone: string;
  busy: boolean;
  onMove: (slot: Slot) => Promise<void>;
  onBack: () => void;
}) {
  const { detail, zone } = props;
  const [day, setDay] = useState(dateIn(detail.start, zone));
  const [dayError, setDayError] = useState<string | null>(null);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [choice, setChoice] = useState(0);
  const [error, setError] = useState<unknown>(null);

  async function find(event: Event) {
    event.preventDefault();
    if (!isIsoDate(day)) {
      setDayError('Pick a date from the calendar.');
      return;
    }
    setDayError(null);
    setError(null);
    try {
      const found = await api<Slot[]>('GET', '/api/scheduling/slots?patientId=' + encodeURIComponent(detail.patientId)
        + '&siteId=' + encodeURIComponent(props.siteId) + '&from=' + encodeURIComponent(dayStart(day, zone))
        + '&until=' + encodeURIComponent(dayStart(addDays(day, 1), zone)) + '&limit=40');
      setSlots(found);
      setChoice(0);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form id="reschedule-form" class="confirm" onSubmit={find} noValidate>
      <Field id="reschedule-day" label="Day to move to" error={dayError ?? fieldErrors(error).from ?? null}>
        {(described) => <input {...described} type="date" value={day} onInput={(e) => setDay((e.target as HTMLInputElement).value)} />}
      </Field>
      <p class="actions">
        <button type="submit" class="secondary" id="reschedule-find">
          Find free times
        </button>
        <button type="button" class="secondary" onClick={props.onBack}>
          Back
        </button>
      </p>
      <ProblemView error={generalPart(error, ['from'])} />
      {slots && slots.length === 0 && <p class="warning">Nothing fits on {formatDay(day)}.</p>}
      {slots && slots.length > 0 && (
        <fieldset class="choices">
          <legend>Free times on {formatDay(day)} ({zoneNote(zone)})</legend>
          {slots.map((slot, i) => (
            <label key={slot.start} class="choice">
              <input type="radio" name="reschedule-choice" checked={i === choice} onChange={() => setChoice(i)} />
              {formatTime(slot.start, zone)}–{formatTime(slot.end, zone)} · {slot.chairName}
            </label>
          ))}
          <button type="button" id="reschedule-move" disabled={props.busy} onClick={() => props.onMove(slots[choice]).catch(() => {})}>
            Move here
          </button>
        </fieldset>
      )}
    </form>
  );
}
