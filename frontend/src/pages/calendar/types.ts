/** What scheduling's APIs answer, as the calendar page reads it. Instants are ISO-8601 strings; dates yyyy-mm-dd. */

export interface Site {
  id: string;
  name: string;
  timeZone: string;
}

/** An appointment in a chair; {@code status} is the FHIR R4 code (booked, arrived, checked-in, fulfilled, …). */
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

export interface CalendarChair {
  id: string;
  name: string;
  room: string | null;
  attributes?: string[];
  active: boolean;
  appointments: CalendarAppointment[];
}

export interface NurseShift {
  start: string;
  end: string;
  chairsWatched: number;
  source?: string;
}

/** From {@code start} to {@code end}, {@code infusions} run and the nurses on shift may watch {@code capacity} chairs. */
export interface Load {
  start: string;
  end: string;
  infusions: number;
  capacity: number;
}

export interface SiteCalendar {
  siteId: string;
  siteName: string;
  timeZone: string;
  from: string;
  to: string;
  openingHours: string;
  closures: { date: string; reason: string }[];
  chairs: CalendarChair[];
  nurses: { nurse: string; shifts: NurseShift[] }[];
  load: Load[];
}

/** A site's opening hours per ISO weekday (1 = Monday), "HH:mm[:ss]" on the site's clock. */
export interface SiteHours {
  siteId: string;
  timeZone: string;
  days: { dayOfWeek: number; opens: string; closes: string }[];
}

export interface CourseAppointment {
  id: string;
  chairId: string;
  chairName: string;
  start: string;
  end: string;
  status: string;
  sequence: number;
  onHold: boolean;
}

export type CourseStatus = 'TO_PLAN' | 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'CANCELLED';

export interface Course {
  id: string;
  patientId: string;
  patientName: string;
  status: CourseStatus;
  plannedInfusions: number;
  completedInfusions: number;
  pauseReason: string | null;
  cancellationReason: string | null;
  appointments: CourseAppointment[];
}

/** A free slot for a patient: the chair it holds for the chair time. */
export interface Slot {
  kind: string;
  chairId: string;
  chairName: string;
  start: string;
  end: string;
}

/** Why an occurrence does not fit, in words the front desk can act on. */
export interface PlanProblem {
  rule: string;
  message: string;
}

export interface PlannedOccurrence {
  sequence: number;
  chairId: string;
  chairName: string;
  start: string;
  end: string;
  problems: PlanProblem[];
}

export interface PlanView {
  ok: boolean;
  occurrences: PlannedOccurrence[];
}

export interface StatusChange {
  from: string | null;
  to: string;
  reason: string | null;
  by: string;
  at: string;
}

export interface AppointmentDetail {
  id: string;
  courseId: string;
  patientId: string;
  chairId: string;
  chairName: string;
  kind: string;
  sequence: number;
  start: string;
  end: string;
  status: string;
  cancellationReason: string | null;
  rescheduledFrom: string | null;
  bookedBy: string;
  bookedAt: string;
  history: StatusChange[];
  /** Its course is paused: only a cancellation is taken. */
  onHold: boolean;
  /** Today, on the site's clock, is the appointment's day: arrival and check-in are taken. */
  onItsDay: boolean;
}

export type OfferStatus = 'OFFERED' | 'ACCEPTED' | 'DECLINED' | 'TAKEN';

export interface WaitlistOffer {
  id: string;
  entryId: string;
  chairId: string;
  chairName: string;
  start: string;
  end: string;
  freedBy: string;
  rank: number;
  status: OfferStatus;
  offeredAt: string;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface WaitlistEntry {
  id: string;
  courseId: string;
  patientId: string;
  patientName: string;
  siteId: string;
  days: string[];
  earliestStart: string | null;
  latestEnd: string | null;
  chairAttributes: string[];
  note: string | null;
  status: 'WAITING' | 'BOOKED' | 'WITHDRAWN';
  createdBy: string;
  createdAt: string;
  offers: WaitlistOffer[];
}
