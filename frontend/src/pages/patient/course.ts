import type { Course, CourseAppointment } from './types';

/** One step of a course as the timeline shows it: an appointment, or an infusion not booked yet. */
export type TimelineStep =
  | { kind: 'appointment'; sequence: number; appointment: CourseAppointment }
  | { kind: 'unbooked'; sequence: number };

export const APPOINTMENT_WORDS: Record<string, string> = {
  booked: 'booked', arrived: 'arrived', 'checked-in': 'checked in', fulfilled: 'given', cancelled: 'cancelled', noshow: 'no-show',
};

export const COURSE_WORDS: Record<string, string> = {
  TO_PLAN: 'to plan', ACTIVE: 'under way', PAUSED: 'paused', COMPLETED: 'completed', CANCELLED: 'cancelled',
};

/**
 * The course in order: every appointment by its time (cancelled ones kept, marked), and each planned infusion that
 * has no live appointment yet in its place, so the timeline shows what is still to book.
 */
export function timeline(course: Course): TimelineStep[] {
  const appointments = [...course.appointments].sort((a, b) => a.start.localeCompare(b.start));
  const live = new Set(appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'noshow').map((a) => a.sequence));
  const steps: TimelineStep[] = appointments.map((a) => ({ kind: 'appointment', sequence: a.sequence, appointment: a }));
  if (course.status !== 'CANCELLED') {
    for (let sequence = 1; sequence <= course.plannedInfusions; sequence++) {
      if (!live.has(sequence)) steps.push({ kind: 'unbooked', sequence });
    }
  }
  return steps;
}

/** The zone of each chair, from scheduling's chairs and sites: an appointment is read on its site's clock. */
export function chairZones(chairs: { id: string; siteId: string }[], sites: { id: string; timeZone: string }[]): Map<string, string> {
  const zones = new Map(sites.map((s) => [s.id, s.timeZone]));
  return new Map(chairs.filter((c) => zones.has(c.siteId)).map((c) => [c.id, zones.get(c.siteId)!]));
}
