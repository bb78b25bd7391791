import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { formatDay, formatTime } from '../../lib/time';
import { slotChoices, spanText, zoneNote } from './booking';
import { addDays, dateIn, dayStart, instantAt } from './calendar';
import { CoursePicker } from './CoursePicker';
import type { CalendarChair, Course, CourseAppointment, Slot } from './types';

/** How many free times a click offers. */
export const CHOICES = 8;

/**
 * Booking from a click on a free time in a chair: choose the patient's course, then one of the free times that fit
 * (chair free, site open, a nurse to spare, the patient free) from the time clicked on, and book it.
 */
export function BookSlot(props: {
  siteId: string;
  zone: string;
  chair: CalendarChair;
  date: string;
  time: string;
  onBooked: () => void;
  onClose: () => void;
}) {
  const { zone, chair, date, time } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [course, setCourse] = useState<Course | null>(null);
  const [choices, setChoices] = useState<{ slots: Slot[]; sameDay: boolean } | null>(null);
  const [choice, setChoice] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<CourseAppointment | null>(null);

  useEffect(() => heading.current?.focus(), [chair.id, date, time]);

  useEffect(() => {
    if (!course) {
      return;
    }
    let current = true;
    setChoices(null);
    setError(null);
    const from = instantAt(date, time, zone);
    const base = '/api/scheduling/slots?patientId=' + encodeURIComponent(course.patientId) + '&siteId='
      + encodeURIComponent(props.siteId) + '&from=' + encodeURIComponent(from);
    (async () => {
      const sameDay = await api<Slot[]>('GET', base + '&until=' + encodeURIComponent(dayStart(addDays(date, 1), zone)) + '&limit=40');
      if (sameDay.length > 0) {
        return { slots: slotChoices(sameDay, chair, CHOICES), sameDay: true };
      }
      const later = await api<Slot[]>('GET', base + '&limit=' + CHOICES);
      return { slots: slotChoices(later, chair, CHOICES), sameDay: false };
    })().then(
      (found) => {
        if (current) {
          setChoices(found);
          const inChair = found.slots.findIndex((s) => s.chairId === chair.id);
          setChoice(Math.max(0, inChair));
        }
      },
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [course, chair, date, time, zone, props.siteId]);

  async function book(event: Event) {
    event.preventDefault();
    const slot = choices?.slots[choice];
    if (!course || !slot) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const appointment = await api<CourseAppointment>('POST', '/api/scheduling/courses/' + course.id + '/appointments', {
        chairId: slot.chairId,
        start: slot.start,
      });
      setBooked(appointment);
      props.onBooked();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" id="book-slot" aria-labelledby="book-slot-heading">
      <h2 id="book-slot-heading" tabIndex={-1} ref={heading}>
        Book {chair.name} from {time}, {formatDay(date)}
      </h2>
      <p class="muted">Times are {zoneNote(zone)}.</p>
      {booked ? (
        <div class="result" role="status" id="book-slot-result">
          Booked infusion {booked.sequence} for {course?.patientName}: {spanText(booked, zone)} in {booked.chairName}.
        </div>
      ) : (
        <form onSubmit={book} noValidate>
          <CoursePicker id="book-course" label="Patient" statuses={['TO_PLAN', 'ACTIVE']} picked={course} onPick={setCourse} />
          {course && !choices && !error && <p class="muted">Looking for free times for {course.patientName}…</p>}
          {choices && choices.slots.length === 0 && (
            <p class="warning">No free time fits for {course?.patientName} in the planning horizon at this site.</p>
          )}
          {choices && choices.slots.length > 0 && (
            <fieldset class="choices" id="book-slot-choices">
              <legend>
                {choices.sameDay ? 'Free times that fit' : 'Nothing fits on ' + formatDay(date) + '; the next free times'} ({zoneNote(zone)})
              </legend>
              {choices.slots.map((slot, i) => (
                <label key={slot.start + slot.chairId} class="choice">
                  <input
                    type="radio"
                    name="book-slot-choice"
                    checked={i === choice}
                    data-chair-id={slot.chairId}
                    data-start={slot.start}
                    onChange={() => setChoice(i)}
                  />
                  {(dateIn(slot.start, zone) === date ? '' : formatDay(dateIn(slot.start, zone)) + ', ')
                    + formatTime(slot.start, zone) + '–' + formatTime(slot.end, zone) + ' · ' + slot.chairName}
                </label>
              ))}
            </fieldset>
          )}
          <ProblemView error={error} id="book-slot-error" />
          <p class="actions">
            <button type="submit" id="book-slot-button" disabled={busy || !choices || choices.slots.length === 0}>
              Book infusion
            </button>
            <button type="button" class="secondary" onClick={props.onClose}>
              Close
            </button>
          </p>
        </form>
      )}
      {booked && (
        <button type="button" class="secondary" onClick={props.onClose}>
          Close
        </button>
      )}
    </section>
  );
}
