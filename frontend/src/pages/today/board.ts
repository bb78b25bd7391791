import { minutesOfDay } from '../../lib/time';

/** An appointment in a chair, as scheduling's calendar gives it ({@code status}: the FHIR R4 code). */
export interface CalendarAppointment {
  id: string;
  courseId: string;
  patientId: string;
  patientName: string | null;
  kind: string;
  sequence: number;
  start: string;
  end: string;
  status: string;
  onHold: boolean;
}

export interface Chair {
  id: string;
  name: string;
  room: string | null;
  active: boolean;
  appointments: CalendarAppointment[];
}

export interface Shift {
  start: string;
  end: string;
}

export interface CalendarView {
  siteId: string;
  siteName: string;
  timeZone: string;
  from: string;
  chairs: Chair[];
  nurses: { nurse: string; shifts: Shift[] }[];
}

/** Where a session stands, from the session service. */
export interface Progress {
  recordId: string;
  stage: 'ARRIVED' | 'CHECKED_IN' | 'INFUSING' | 'RECOVERING' | 'READY_FOR_DISCHARGE' | 'DONE';
  since: string;
  readingsDue: number;
  readingsOverdue: number;
  openAlerts: number;
}

/** An infusion on the nurse's day, from the session service. */
export interface DayEntry {
  appointmentId: string;
  patientName: string | null;
  mrn: string | null;
  position: string;
  courseStatus: string | null;
  dosingPaused: boolean;
  recordId: string | null;
  progress: Progress | null;
}

export type BoardState =
  | 'booked'
  | 'arrived'
  | 'checked in'
  | 'infusing'
  | 'recovering'
  | 'ready for discharge'
  | 'done'
  | 'no-show'
  | 'on hold';

/**
 * The state a board shows for a booking: the session's stage once its record is open, else the appointment's own
 * status in scheduling (a no-show, a held appointment of a paused course, arrived and checked-in at the front desk).
 */
export function stateOf(appointment: CalendarAppointment, entry?: DayEntry): { state: BoardState; since?: string } {
  if (appointment.status === 'noshow') {
    return { state: 'no-show' };
  }
  const progress = entry?.progress;
  if (progress) {
    const state: Record<Progress['stage'], BoardState> = {
      ARRIVED: 'arrived',
      CHECKED_IN: 'checked in',
      INFUSING: 'infusing',
      RECOVERING: 'recovering',
      READY_FOR_DISCHARGE: 'ready for discharge',
      DONE: 'done',
    };
    return { state: state[progress.stage], since: progress.since };
  }
  if (appointment.status === 'fulfilled') {
    return { state: 'done' };
  }
  if (appointment.onHold) {
    return { state: 'on hold' };
  }
  if (appointment.status === 'checked-in') {
    return { state: 'checked in' };
  }
  if (appointment.status === 'arrived') {
    return { state: 'arrived' };
  }
  return { state: 'booked' };
}

/** The hours the board shows: the day's shifts and bookings, widened to whole hours, at least 08:00–18:00. */
export function boardHours(calendar: CalendarView): { first: number; last: number } {
  const zone = calendar.timeZone;
  let first = 8 * 60;
  let last = 18 * 60;
  const times: { start: string; end: string }[] = [
    ...calendar.nurses.flatMap((n) => n.shifts),
    ...calendar.chairs.flatMap((c) => c.appointments),
  ];
  for (const t of times) {
    first = Math.min(first, minutesOfDay(t.start, zone));
    const end = minutesOfDay(t.end, zone);
    last = Math.max(last, end === 0 ? 24 * 60 : end);
  }
  return { first: Math.floor(first / 60), last: Math.min(24, Math.ceil(last / 60)) };
}

/** A booking's left edge and width on the board, in percent of the hours shown. */
export function placement(
  appointment: { start: string; end: string },
  zone: string,
  hours: { first: number; last: number },
): { left: number; width: number } {
  const span = (hours.last - hours.first) * 60;
  const start = minutesOfDay(appointment.start, zone) - hours.first * 60;
  let end = minutesOfDay(appointment.end, zone) - hours.first * 60;
  if (end <= start) {
    end = span;
  }
  const left = Math.max(0, (start / span) * 100);
  const right = Math.min(100, (end / span) * 100);
  return { left, width: Math.max(0, right - left) };
}
