import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { APPOINTMENT_WORDS, COURSE_WORDS, timeline } from './course';
import type { Course } from './types';

/** Scheduling's courses of the patient as timelines: each infusion booked (on its site's clock), given, or still to book. */
export function CourseTimeline(props: { courses: Course[] | null; zones: Map<string, string>; clinicZone: string }) {
  const { courses } = props;
  return (
    <section aria-labelledby="course-heading" id="course">
      <h2 id="course-heading">Course</h2>
      {courses === null && <p class="muted">Loading…</p>}
      {courses?.length === 0 && <p class="muted" id="no-course">No course yet: one is planned when the patient is cleared.</p>}
      {courses?.map((course) => (
        <div class="course" key={course.id} data-course-id={course.id} data-status={course.status}>
          <p>
            <strong>Induction course</strong> · {COURSE_WORDS[course.status] ?? course.status} · {course.completedInfusions} of{' '}
            {course.plannedInfusions} given
            {course.pauseReason && <span class="warning"> · paused: {course.pauseReason}</span>}
            {course.cancellationReason && <span class="muted"> · {course.cancellationReason}</span>}
          </p>
          <ol class="timeline">
            {timeline(course).map((step, i) => {
              if (step.kind === 'unbooked') {
                return (
                  <li key={'u' + step.sequence} class="step step-unbooked">
                    Infusion {step.sequence} · not booked yet
                  </li>
                );
              }
              const a = step.appointment;
              const zone = props.zones.get(a.chairId) ?? props.clinicZone;
              return (
                <li key={a.id + i} class={'step step-' + a.status} data-appointment-id={a.id}>
                  Infusion {a.sequence} · {formatDateTime(a.start, zone)} ({zoneLabel(zone)}) · {a.chairName} ·{' '}
                  <strong>{APPOINTMENT_WORDS[a.status] ?? a.status}</strong>
                  {a.onHold && <span class="warning"> · on hold</span>}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}
