import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { type Me, hasAnyRole } from '../../lib/me';
import { formatDay } from '../../lib/time';
import { spanText, zoneNote } from './booking';
import { dateIn } from './calendar';
import { CoursePicker } from './CoursePicker';
import { Field, fieldErrors, generalPart } from './forms';
import type { Course, WaitlistEntry, WaitlistOffer } from './types';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function dayName(day: string): string {
  return day.charAt(0) + day.slice(1, 3).toLowerCase();
}

/** The patient's wishes in a line: "Mon, Wed · from 10:00 · until 16:00 · recliner · after work". */
export function wishesText(entry: Pick<WaitlistEntry, 'days' | 'earliestStart' | 'latestEnd' | 'chairAttributes' | 'note'>): string {
  const parts: string[] = [];
  parts.push(entry.days.length === 0 ? 'any open day' : WEEKDAYS.filter((d) => entry.days.includes(d)).map(dayName).join(', '));
  if (entry.earliestStart) {
    parts.push('from ' + entry.earliestStart.slice(0, 5));
  }
  if (entry.latestEnd) {
    parts.push('until ' + entry.latestEnd.slice(0, 5));
  }
  if (entry.chairAttributes.length > 0) {
    parts.push(entry.chairAttributes.join(', '));
  }
  if (entry.note) {
    parts.push(entry.note);
  }
  return parts.join(' · ');
}

const OFFER_STATUS: Record<WaitlistOffer['status'], string> = {
  OFFERED: 'offered, waiting for an answer',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TAKEN: 'taken by someone else',
};

/**
 * The site's waitlist: courses waiting for an earlier time with the patient's wishes, and the freed times offered to
 * them (rank 1 the best match; the first to accept books it). The front desk adds and withdraws entries and answers
 * offers for the patient; other roles only look.
 */
export function Waitlist(props: { me: Me; siteId: string; zone: string; reloadKey: number; onChanged: () => void }) {
  const { zone } = props;
  const canBook = hasAnyRole(props.me, 'front-desk', 'admin');
  const [entries, setEntries] = useState<WaitlistEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [own, setOwn] = useState(0);

  useEffect(() => {
    let current = true;
    api<WaitlistEntry[]>('GET', '/api/scheduling/waitlist?status=WAITING').then(
      (found) => current && setEntries(found.filter((e) => e.siteId === props.siteId)),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [props.siteId, props.reloadKey, own]);

  async function answer(url: string, done: string) {
    setBusy(true);
    setError(null);
    try {
      await api('POST', url);
      setNotice(done);
      setWithdrawing(null);
      setOwn((n) => n + 1);
      props.onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" id="waitlist" aria-labelledby="waitlist-heading">
      <h2 id="waitlist-heading">Waitlist</h2>
      <p class="muted">
        Patients waiting for an earlier time at this site; a cancelled time is offered to the best matches first. Times are {zoneNote(zone)}.
      </p>
      {notice && (
        <p class="result" role="status">
          {notice}
        </p>
      )}
      <ProblemView error={error} id="waitlist-error" />
      {entries && entries.length === 0 && <p class="muted">Nobody is waiting at this site.</p>}
      {entries && entries.length > 0 && (
        <table id="waitlist-entries">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Wishes</th>
              <th scope="col">Waiting since</th>
              <th scope="col">Offers</th>
              {canBook && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-entry-id={entry.id}>
                <td>{entry.patientName}</td>
                <td>{wishesText(entry)}</td>
                <td>{formatDay(dateIn(entry.createdAt, zone))}</td>
                <td>
                  {entry.offers.length === 0 && <span class="muted">none yet</span>}
                  <ul class="offers">
                    {entry.offers.map((offer) => (
                      <li key={offer.id} data-offer-id={offer.id}>
                        {spanText(offer, zone)} · {offer.chairName} · rank {offer.rank}: {OFFER_STATUS[offer.status]}
                        {canBook && offer.status === 'OFFERED' && (
                          <span class="actions">
                            <button type="button" disabled={busy}
                              onClick={() => answer('/api/scheduling/waitlist/offers/' + offer.id + '/acceptance',
                                'Booked ' + spanText(offer, zone) + ' for ' + entry.patientName + '.')}>
                              Accept for {entry.patientName}
                            </button>
                            <button type="button" class="secondary" disabled={busy}
                              onClick={() => answer('/api/scheduling/waitlist/offers/' + offer.id + '/decline',
                                entry.patientName + ' declined; the time goes to the next match.')}>
                              Decline
                            </button>
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
                {canBook && (
                  <td>
                    {withdrawing === entry.id ? (
                      <span class="confirm" role="group" aria-label={'Take ' + entry.patientName + ' off the waitlist?'}>
                        Take {entry.patientName} off the waitlist?{' '}
                        <button type="button" class="danger" disabled={busy}
                          onClick={() => answer('/api/scheduling/waitlist/' + entry.id + '/withdrawal', entry.patientName + ' is off the waitlist.')}>
                          Yes, take off
                        </button>
                        <button type="button" class="secondary" onClick={() => setWithdrawing(null)}>
                          No
                        </button>
                      </span>
                    ) : (
                      <button type="button" class="secondary" onClick={() => setWithdrawing(entry.id)}>
                        Withdraw…
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canBook && !adding && (
        <p class="actions">
          <button type="button" class="secondary" id="waitlist-add" onClick={() => setAdding(true)}>
            Put a patient on the waitlist…
          </button>
        </p>
      )}
      {canBook && adding && (
        <AddEntry siteId={props.siteId} zone={zone}
          onAdded={(name) => { setAdding(false); setNotice(name + ' is on the waitlist.'); setOwn((n) => n + 1); }}
          onBack={() => setAdding(false)} />
      )}
    </section>
  );
}

function AddEntry(props: { siteId: string; zone: string; onAdded: (patientName: string) => void; onBack: () => void }) {
  const [course, setCourse] = useState<Course | null>(null);
  const [days, setDays] = useState<string[]>([]);
  const [earliestStart, setEarliestStart] = useState('');
  const [latestEnd, setLatestEnd] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missingCourse, setMissingCourse] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function submit(event: Event) {
    event.preventDefault();
    if (!course) {
      setMissingCourse(true);
      return;
    }
    setMissingCourse(false);
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/scheduling/waitlist', {
        courseId: course.id,
        siteId: props.siteId,
        days,
        earliestStart: earliestStart || null,
        latestEnd: latestEnd || null,
        note: note.trim() || null,
      });
      props.onAdded(course.patientName);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id="waitlist-form" onSubmit={submit} noValidate>
      <CoursePicker id="waitlist-course" label="Patient" statuses={['TO_PLAN', 'ACTIVE']} picked={course} onPick={setCourse} />
      {(missingCourse || errors.courseId) && (
        <p class="field-error" id="waitlist-course-error">
          {missingCourse ? 'Choose the patient from the matches.' : errors.courseId}
        </p>
      )}
      <fieldset class="weekdays">
        <legend>Days that suit (none: any open day)</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} class="choice">
            <input type="checkbox" checked={days.includes(day)}
              onChange={(e) => setDays((chosen) => ((e.target as HTMLInputElement).checked ? [...chosen, day] : chosen.filter((d) => d !== day)))} />
            {dayName(day)}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <Field id="waitlist-earliest" label={'Not before (' + zoneNote(props.zone) + ')'} error={errors.earliestStart}>
          {(described) => <input {...described} type="time" value={earliestStart} onInput={(e) => setEarliestStart((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field id="waitlist-latest" label={'Done by (' + zoneNote(props.zone) + ')'} error={errors.latestEnd}>
          {(described) => <input {...described} type="time" value={latestEnd} onInput={(e) => setLatestEnd((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field id="waitlist-note" label="Note (optional)" error={errors.note}>
          {(described) => <input {...described} type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />}
        </Field>
      </div>
      <ProblemView error={generalPart(error, ['courseId', 'earliestStart', 'latestEnd', 'note'])} id="waitlist-form-error" />
      <p class="actions">
        <button type="submit" id="waitlist-submit" disabled={busy}>
          Put on the waitlist
        </button>
        <button type="button" class="secondary" onClick={props.onBack}>
          Back
        </button>
      </p>
    </form>
  );
}
