import { useState } from 'preact/hooks';
import { Field, FormProblem, invalid } from '../../components/Field';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { type FieldErrors, errorId, fieldErrors, sentence } from '../../lib/formErrors';
import { zoneLabel } from '../../lib/time';
import type { ChannelConsent, Course, PatientContact, Reminder, ReminderDelivery } from './types';

const LABELS: Record<string, string> = {
  email: 'E-mail', emailConsent: 'Consent to e-mail reminders', smsConsent: 'Consent to text (SMS) reminders',
};

const CHANNEL: Record<string, string> = { EMAIL: 'E-mail', SMS: 'SMS' };

/** A reminder that has not gone out on any channel yet, in words. */
const REMINDER_STATUS: Record<string, string> = { PENDING: 'Pending', SENDING: 'Sending', DONE: 'Done', CANCELLED: 'Cancelled' };

/** Whether intake will still send (or try again) this reminder. */
function waiting(reminder: Reminder): boolean {
  return reminder.status === 'PENDING' || reminder.status === 'SENDING';
}

/** One line of the reminders table: a reminder on one channel, or a reminder not sent on any channel yet. */
export interface ReminderRow {
  key: string;
  reminder: Reminder;
  delivery: ReminderDelivery | null;
}

/** The reminders newest first (by when they are due), one row per channel they went out on. */
export function reminderRows(reminders: Reminder[]): ReminderRow[] {
  return [...reminders]
    .sort((a, b) => b.dueAt.localeCompare(a.dueAt) || a.id.localeCompare(b.id))
    .flatMap((reminder): ReminderRow[] => reminder.deliveries.length === 0
      ? [{ key: reminder.id, reminder, delivery: null }]
      : [...reminder.deliveries]
        .sort((a, b) => a.channel.localeCompare(b.channel))
        .map((delivery) => ({ key: reminder.id + delivery.channel, reminder, delivery })));
}

/** The outcome in words (never a colour alone): SENT, FAILED, SKIPPED_NO_CONSENT, or the reminder still pending. */
export function outcomeWords(row: ReminderRow): string {
  const { reminder, delivery } = row;
  if (!delivery) {
    const status = REMINDER_STATUS[reminder.status] ?? reminder.status;
    return reminder.closeReason ? status + ': ' + reminder.closeReason : status;
  }
  switch (delivery.outcome) {
    case 'SENT':
      return 'Sent';
    case 'FAILED':
      return 'Failed (attempt ' + delivery.attempts + ')' + (waiting(reminder) ? ', to be tried again' : '');
    case 'SKIPPED_NO_CONSENT':
      return 'Skipped: no consent';
    case 'UNKNOWN':
      return 'Unknown: the sender stopped while sending; not sent again';
    case 'SENDING':
      return 'Sending';
    default:
      return delivery.outcome;
  }
}

/** What the reminder is about: the infusion of the course it reminds of (on its site's clock), or the course booked. */
function reminderFor(reminder: Reminder, courses: Course[] | null, zones: Map<string, string>, clinicZone: string): string {
  if (reminder.kind === 'COURSE_CONFIRMATION') {
    return 'Course confirmation';
  }
  const appointment = (courses ?? []).flatMap((c) => c.appointments).find((a) => a.id === reminder.appointmentId);
  if (!appointment) {
    return 'Appointment';
  }
  const zone = zones.get(appointment.chairId) ?? clinicZone;
  return 'Infusion ' + appointment.sequence + ' · ' + formatDateTime(appointment.start, zone) + ' (' + zoneLabel(zone) + ')';
}

function ConsentFact(props: { consent: ChannelConsent | undefined; zone: string; id: string }) {
  const { consent } = props;
  if (!consent) {
    return <dd id={props.id}>Not recorded yet</dd>;
  }
  return (
    <dd id={props.id}>
      {consent.granted ? 'Yes, consented' : 'No (opted out)'}
      <span class="muted">
        {' '}· recorded by {consent.recordedBy}, {formatDateTime(consent.recordedAt, props.zone)} ({zoneLabel(props.zone)})
      </span>
    </dd>
  );
}

/** A consent checkbox with its label beside it and its error right under it. */
function ConsentCheck(props: { id: string; label: string; checked: boolean; error?: string; hint?: string;
  onChange: (checked: boolean) => void }) {
  return (
    <div class="field">
      <label class="check" for={props.id}>
        <input type="checkbox" id={props.id} checked={props.checked}
          onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
          {...invalid(props.id, props.error, !!props.hint)} />
        {props.label}
      </label>
      {props.hint && <small class="hint" id={props.id + '-hint'}>{props.hint}</small>}
      {props.error && <p class="field-error" id={errorId(props.id)}>{props.error}</p>}
    </div>
  );
}

/**
 * The patient's e-mail, phone and consent to each reminder channel (who recorded it, when), which the front desk
 * records with the patient; unticking a consent is the patient's opt-out. Below, the reminders intake planned and
 * sent, newest first, with each channel's outcome, for when the patient asks what they were sent.
 */
export function ContactReminders(props: { patientId: string; contact: PatientContact | null; reminders: Reminder[] | null;
  courses: Course[] | null; zones: Map<string, string>; zone: string; onSaved: (contact: PatientContact) => void }) {
  const { contact, zone } = props;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ email: '', emailConsent: false, smsConsent: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const granted = (channel: string) => !!contact?.consents.find((c) => c.channel === channel)?.granted;

  const start = () => {
    setForm({ email: contact?.email ?? '', emailConsent: granted('EMAIL'), smsConsent: granted('SMS') });
    setErrors({});
    setProblem(null);
    setSaved(false);
    setEditing(true);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    try {
      const answer = await api<PatientContact>('PUT', '/api/intake/patients/' + encodeURIComponent(props.patientId) + '/contact', {
        email: form.email.trim() || null, emailConsent: form.emailConsent, smsConsent: form.smsConsent,
      });
      setEditing(false);
      setSaved(true);
      props.onSaved(answer);
    } catch (failure) {
      setErrors(Object.fromEntries(Object.entries(fieldErrors(failure, LABELS)).map(([k, v]) => [k, sentence(v)])));
      setProblem(failure);
    }
  };

  const rows = props.reminders ? reminderRows(props.reminders) : null;
  return (
    <section class="wide" aria-labelledby="contact-heading" id="contact">
      <h2 id="contact-heading">Contact and reminders</h2>
      {contact === null && <p class="muted">Loading…</p>}
      {contact && !editing && (
        <>
          <dl class="facts" id="contact-facts">
            <dt>E-mail</dt>
            <dd id="contact-email">{contact.email || 'none given'}</dd>
            <dt>Phone</dt>
            <dd id="contact-phone">{contact.phone || 'none given'}</dd>
            <dt>E-mail reminders</dt>
            <ConsentFact id="contact-consent-email" consent={contact.consents.find((c) => c.channel === 'EMAIL')} zone={zone} />
            <dt>Text (SMS) reminders</dt>
            <ConsentFact id="contact-consent-sms" consent={contact.consents.find((c) => c.channel === 'SMS')} zone={zone} />
          </dl>
          {saved && (
            <p class="result" role="status" id="contact-saved">Contact and consent saved.</p>
          )}
          <button type="button" class="secondary" id="edit-contact" onClick={start}>Change e-mail or consent</button>
        </>
      )}
      {contact && editing && (
        <form id="contact-form" noValidate onSubmit={save}>
          <FormProblem error={problem} labels={LABELS} id="contact-error" />
          <Field id="contact-email-input" label="E-mail (optional)" error={errors.email}>
            <input id="contact-email-input" type="email" autoComplete="off" value={form.email}
              onInput={(e) => setForm({ ...form, email: (e.target as HTMLInputElement).value })}
              {...invalid('contact-email-input', errors.email)} />
          </Field>
          <fieldset aria-describedby="contact-consent-hint">
            <legend>Consent to reminders</legend>
            <p class="hint" id="contact-consent-hint">
              Tick what the patient agreed to. Unticking a consent is the patient's opt-out: the next reminder skips that
              channel.
            </p>
            <ConsentCheck id="contact-emailConsent" label="Reminders by e-mail" checked={form.emailConsent}
              error={errors.emailConsent} onChange={(emailConsent) => setForm({ ...form, emailConsent })} />
            <ConsentCheck id="contact-smsConsent" label="Reminders by text message (SMS)" checked={form.smsConsent}
              error={errors.smsConsent}
              hint={contact.phone ? 'Sent to ' + contact.phone + '.' : 'No phone on record: add it under Details first.'}
              onChange={(smsConsent) => setForm({ ...form, smsConsent })} />
          </fieldset>
          <button type="submit" id="contact-save">Save contact and consent</button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      )}

      <h3 id="reminders-heading">Reminders</h3>
      {rows === null && <p class="muted">Loading…</p>}
      {rows?.length === 0 && <p class="muted" id="no-reminders">No reminder yet: one is planned when an infusion is booked.</p>}
      {rows && rows.length > 0 && (
        <table id="reminder-list" aria-labelledby="reminders-heading">
          <thead>
            <tr><th>Due ({zoneLabel(zone)})</th><th>For</th><th>Channel</th><th>Status</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-reminder-id={row.reminder.id}
                data-outcome={row.delivery?.outcome ?? row.reminder.status}>
                <td>{formatDateTime(row.reminder.dueAt, zone)}</td>
                <td>{reminderFor(row.reminder, props.courses, props.zones, zone)}</td>
                <td>
                  {row.delivery
                    ? CHANNEL[row.delivery.channel] ?? row.delivery.channel
                    : <span class="muted">{waiting(row.reminder) ? 'none yet' : 'none'}</span>}
                  {row.delivery?.address && <span class="muted"> to {row.delivery.address}</span>}
                </td>
                <td>
                  {outcomeWords(row)}
                  {row.delivery?.detail && row.delivery.outcome !== 'UNKNOWN' && (
                    <span class="muted"> ({row.delivery.detail})</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
