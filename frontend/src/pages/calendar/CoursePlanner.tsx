import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/time';
import { spanText, zoneNote } from './booking';
import { dateIn, dayStart, instantAt, isIsoDate, statusLabel, timeIn } from './calendar';
import { CoursePicker } from './CoursePicker';
import { Field, fieldErrors, generalPart } from './forms';
import {
  type DraftOccurrence,
  alternativeCandidates,
  alternativesWindow,
  checked,
  draftOf,
  fits,
  moved,
  requestOf,
  verdictOf,
} from './plan';
import type { CalendarChair, Course, PlanView, Slot } from './types';

/** A whole course being planned: the cleared patient's course and the occurrences as they stand. */
export interface Plan {
  course: Course;
  draft: DraftOccurrence[];
}

/** How many other times are offered for an occurrence that does not fit (each checked against the whole plan). */
export const ALTERNATIVES = 3;

/** What the service says of an occurrence, in words. */
export function verdictText(occurrence: DraftOccurrence): string {
  if (occurrence.problems === null) {
    return 'checking…';
  }
  if (occurrence.problems.length === 0) {
    return 'fits';
  }
  return 'does not fit: ' + occurrence.problems.map((p) => p.message).join('; ');
}

type Alternatives = Record<string, Slot[] | 'loading'>;

function keyOf(o: DraftOccurrence): string {
  return o.sequence + '@' + o.chairId + '@' + o.start;
}

/**
 * Planning a whole course on the calendar: pick a cleared patient, the service proposes the earliest course that
 * keeps every rule and it appears on the calendar; each occurrence says whether it fits, one that does not is offered
 * other times (each checked with the rest of the plan), any can be moved by hand and the plan is checked again; the
 * course is booked all or nothing, and a refusal names what each occurrence breaks.
 */
export function CoursePlanner(props: {
  siteId: string;
  zone: string;
  chairs: CalendarChair[];
  plan: Plan | null;
  onPlan: (plan: Plan | null) => void;
  onShow: (date: string) => void;
  onBooked: () => void;
  onClose: () => void;
}) {
  const { zone, plan } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Course | null>(null);
  const [alternatives, setAlternatives] = useState<Alternatives>({});
  const [editing, setEditing] = useState<number | null>(null);
  const [earliest, setEarliest] = useState('');
  const [earliestError, setEarliestError] = useState<string | null>(null);
  const [proposing, setProposing] = useState<Course | null>(null);
  const requested = useRef(new Set<string>());

  useEffect(() => heading.current?.focus(), []);

  const post = <T,>(what: string, body: unknown) => api<T>('POST', '/api/scheduling/courses/' + plan?.course.id + '/' + what, body);

  async function propose(course: Course) {
    if (earliest && !isIsoDate(earliest)) {
      setEarliestError('Pick a date from the calendar, or leave it empty for the earliest.');
      return;
    }
    setEarliestError(null);
    setProposing(course);
    setBusy(true);
    setError(null);
    setBooked(null);
    try {
      const view = await api<PlanView>('POST', '/api/scheduling/courses/' + course.id + '/proposal', {
        siteId: props.siteId,
        ...(earliest ? { from: dayStart(earliest, zone) } : {}),
      });
      setAlternatives({});
      requested.current.clear();
      props.onPlan({ course, draft: draftOf(view.occurrences) });
      if (view.occurrences.length > 0) {
        props.onShow(dateIn(view.occurrences[0].start, zone));
      }
    } catch (failure) {
      // a 404 says, in scheduling's words, that no whole course fits and what to try instead
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  /** Checks the draft with the service; resolves to the field errors of a 400 (empty when it was checked). */
  async function check(draft: DraftOccurrence[]): Promise<Record<string, string>> {
    if (!plan) {
      return {};
    }
    props.onPlan({ ...plan, draft });
    setError(null);
    try {
      const view = await post<PlanView>('plan-check', requestOf(draft));
      props.onPlan({ ...plan, draft: checked(draft, view.occurrences) });
      return {};
    } catch (failure) {
      const fields = fieldErrors(failure);
      setError(Object.keys(fields).length > 0 ? generalPart(failure, Object.keys(fields)) : failure);
      return fields;
    }
  }

  async function book() {
    if (!plan) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const course = await post<Course>('bookings', requestOf(plan.draft));
      setBooked(course);
      props.onPlan(null);
      props.onBooked();
    } catch (failure) {
      const verdict = verdictOf(failure);
      if (verdict) {
        props.onPlan({ ...plan, draft: checked(plan.draft, verdict) });
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  // other times for each occurrence that does not fit, each checked with the rest of the plan before it is offered
  useEffect(() => {
    if (!plan) {
      return;
    }
    const draft = plan.draft;
    draft.forEach((occurrence, index) => {
      const key = keyOf(occurrence);
      if (!occurrence.problems || occurrence.problems.length === 0 || requested.current.has(key)) {
        return;
      }
      requested.current.add(key);
      setAlternatives((known) => ({ ...known, [key]: 'loading' }));
      findAlternatives(draft, index).then(
        (found) => setAlternatives((known) => ({ ...known, [key]: found })),
        () => setAlternatives((known) => ({ ...known, [key]: [] })),
      );
    });
  }, [plan]);

  async function findAlternatives(draft: DraftOccurrence[], index: number): Promise<Slot[]> {
    if (!plan) {
      return [];
    }
    const window = alternativesWindow(draft, index, zone);
    const slots = await api<Slot[]>('GET', '/api/scheduling/slots?patientId=' + encodeURIComponent(plan.course.patientId)
      + '&siteId=' + encodeURIComponent(props.siteId) + '&from=' + encodeURIComponent(window.from)
      + '&until=' + encodeURIComponent(window.until) + '&limit=100');
    const candidates = alternativeCandidates(slots, draft, index, ALTERNATIVES + 2);
    const verified = await Promise.all(candidates.map(async (slot) => {
      try {
        const view = await api<PlanView>('POST', '/api/scheduling/courses/' + plan.course.id + '/plan-check',
          requestOf(moved(draft, index, slot)));
        return view.occurrences[index]?.problems.length === 0 ? slot : null;
      } catch {
        return null;
      }
    }));
    return verified.filter((s): s is Slot => s !== null).slice(0, ALTERNATIVES);
  }

  const draft = plan?.draft ?? [];
  const failing = draft.filter((o) => o.problems && o.problems.length > 0).length;
  return (
    <section class="panel" id="course-planner" aria-labelledby="course-planner-heading">
      <h2 id="course-planner-heading" tabIndex={-1} ref={heading}>
        Plan a whole course
      </h2>
      <p class="muted">Times are {zoneNote(zone)}.</p>
      {!plan && !booked && (
        <>
          <Field id="plan-earliest" label="First infusion no earlier than (optional)" error={earliestError}>
            {(described) => <input {...described} type="date" value={earliest} onInput={(e) => setEarliest((e.target as HTMLInputElement).value)} />}
          </Field>
          <CoursePicker id="plan-course-search" label="Cleared patient" statuses={['TO_PLAN']} picked={proposing} onPick={propose} />
          {busy && <p class="muted">Proposing a course for {proposing?.patientName}…</p>}
        </>
      )}
      {plan && (
        <>
          <p id="plan-summary" role="status">
            <strong>{plan.course.patientName}</strong>: {draft.length} infusions proposed.{' '}
            {fits(draft) ? 'Every one fits.' : failing > 0 ? failing + ' do not fit yet.' : 'Checking…'}
          </p>
          <ol class="occurrences" id="plan-occurrences">
            {draft.map((occurrence, index) => {
              const found = alternatives[keyOf(occurrence)];
              const state = occurrence.problems === null ? 'pending' : occurrence.problems.length === 0 ? 'fits' : 'clash';
              return (
                <li key={occurrence.sequence} class={'occurrence occurrence-' + state} data-sequence={occurrence.sequence}
                  data-chair-id={occurrence.chairId} data-start={occurrence.start} data-fits={state === 'fits' ? 'true' : state === 'clash' ? 'false' : 'pending'}>
                  <span class="occurrence-when">
                    <strong>Infusion {occurrence.sequence}</strong>: {spanText(occurrence, zone)} · {occurrence.chairName}
                  </span>
                  <span class={'occurrence-verdict' + (state === 'clash' ? ' warning' : '')}>{verdictText(occurrence)}</span>
                  {state === 'clash' && (
                    <div class="alternatives">
                      {found === 'loading' && <span class="muted">Looking for other times…</span>}
                      {Array.isArray(found) && found.length === 0 && <span class="muted">No other time near this one fits: change it by hand.</span>}
                      {Array.isArray(found) && found.length > 0 && (
                        <>
                          <span>Instead:</span>
                          {found.map((slot) => (
                            <button key={slot.start + slot.chairId} type="button" class="secondary alternative" data-start={slot.start}
                              data-chair-id={slot.chairId} disabled={busy} onClick={() => check(moved(draft, index, slot))}>
                              {spanText(slot, zone)} · {slot.chairName}
                            </button>
                          ))}
                        </>
                      )}
                    </div>
                  )}
                  {editing === index ? (
                    <MoveForm occurrence={occurrence} zone={zone} chairs={props.chairs}
                      onMove={async (slot) => {
                        const errors = await check(moved(draft, index, slot));
                        if (Object.keys(errors).length === 0) {
                          setEditing(null);
                        }
                        return errors['occurrences[' + index + '].start'] ?? errors['occurrences[' + index + '].chairId'] ?? null;
                      }}
                      onBack={() => setEditing(null)} />
                  ) : (
                    <button type="button" class="link" aria-label={'Change infusion ' + occurrence.sequence} onClick={() => setEditing(index)}>
                      Change
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      <ProblemView error={error} id="plan-error" />
      {plan && (
        <p class="actions">
          <button type="button" id="plan-book" disabled={busy || !fits(draft)} onClick={book}>
            Book all {draft.length}
          </button>
          <button type="button" class="secondary" id="plan-check" disabled={busy} onClick={() => check(draft)}>
            Check again
          </button>
          <button type="button" class="secondary" id="plan-discard" onClick={() => { props.onPlan(null); setProposing(null); setError(null); }}>
            Discard
          </button>
        </p>
      )}
      {booked && (
        <div class="result" role="status" id="plan-result">
          <p>
            Booked all {booked.appointments.length} infusions for <strong>{booked.patientName}</strong>:
          </p>
          <ol id="plan-booked">
            {booked.appointments.map((a) => (
              <li key={a.id} data-appointment-id={a.id} data-status={a.status}>
                {spanText(a, zone)} · {a.chairName} · {statusLabel(a)}
              </li>
            ))}
          </ol>
        </div>
      )}
      <p class="actions">
        <button type="button" class="secondary" id="plan-close" onClick={() => { props.onPlan(null); props.onClose(); }}>
          Close
        </button>
      </p>
    </section>
  );
}

/** Moving one occurrence by hand: a day from the date picker, a time and a chair of the site. */
function MoveForm(props: {
  occurrence: DraftOccurrence;
  zone: string;
  chairs: CalendarChair[];
  onMove: (slot: { chairId: string; chairName: string; start: string; end: string }) => Promise<string | null>;
  onBack: () => void;
}) {
  const { occurrence, zone } = props;
  const id = 'move-' + occurrence.sequence;
  const [day, setDay] = useState(dateIn(occurrence.start, zone));
  const [time, setTime] = useState(timeIn(occurrence.start, zone));
  const [chairId, setChairId] = useState(occurrence.chairId);
  const [errors, setErrors] = useState<{ day?: string; time?: string }>({});
  const chairs = props.chairs.filter((c) => c.active);

  async function submit(event: Event) {
    event.preventDefault();
    const found: { day?: string; time?: string } = {};
    if (!isIsoDate(day)) {
      found.day = 'Pick a date from the calendar.';
    }
    if (!/^\d{2}:\d{2}/.test(time)) {
      found.time = 'Give the start time.';
    }
    setErrors(found);
    if (found.day || found.time) {
      return;
    }
    const start = instantAt(day, time.slice(0, 5), zone);
    const chair = chairs.find((c) => c.id === chairId) ?? chairs[0];
    const refused = await props.onMove({ chairId: chair.id, chairName: chair.name, start, end: start });
    if (refused) {
      setErrors({ time: refused });
    }
  }

  return (
    <form class="move" id={id + '-form'} onSubmit={submit} noValidate>
      <Field id={id + '-day'} label={'Day of infusion ' + occurrence.sequence} error={errors.day}>
        {(described) => <input {...described} type="date" value={day} onInput={(e) => setDay((e.target as HTMLInputElement).value)} />}
      </Field>
      <Field id={id + '-time'} label={'Start (' + zoneNote(zone) + ')'} error={errors.time}>
        {(described) => <input {...described} type="time" step={900} value={time} onInput={(e) => setTime((e.target as HTMLInputElement).value)} />}
      </Field>
      <Field id={id + '-chair'} label="Chair">
        {(described) => (
          <select {...described} value={chairId} onChange={(e) => setChairId((e.target as HTMLSelectElement).value)}>
            {chairs.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p class="actions">
        <button type="submit" class="secondary" id={id + '-check'}>
          Check this time
        </button>
        <button type="button" class="secondary" onClick={props.onBack}>
          Back
        </button>
      </p>
      <span class="muted">Now {formatTime(occurrence.start, zone)} in {occurrence.chairName}.</span>
    </form>
  );
}
