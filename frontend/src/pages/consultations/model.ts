import { ApiError } from '../../lib/api';

/** A site as scheduling lists it. */
export interface Site {
  id: string;
  name: string;
  timeZone: string;
}

/** A patient as intake's search answers. */
export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  status: 'REFERRED' | 'SCREENED' | 'CLEARED' | 'DECLINED';
}

/** A free consultation slot, from GET /api/scheduling/slots?kind=CONSULTATION. */
export interface FreeSlot {
  consultationSlotId: string;
  clinician: string;
  start: string;
  end: string;
  siteId: string;
  siteName: string;
  timeZone: string;
  roomId: string | null;
}

export type Action = 'ARRIVE' | 'NO_SHOW' | 'CANCEL' | 'RESCHEDULE';

/** A consultation as scheduling shows it; {@code actions}: what the front desk may do with it now. */
export interface Consultation {
  id: string;
  patientId: string;
  patientName: string;
  mrn: string;
  clinician: string;
  siteId: string;
  siteName: string;
  timeZone: string;
  roomName: string | null;
  start: string;
  end: string;
  status: 'booked' | 'arrived' | 'cancelled' | 'noshow';
  cancellationReason: string | null;
  actions: Action[];
}

export interface Listing {
  from: string;
  to: string;
  consultations: Consultation[];
}

export interface Day {
  clinician: string;
  date: string;
  consultations: Consultation[];
}

/** The fewest characters a search is sent with: one letter finds too much. */
export const MIN_SEARCH = 2;

/** How long typing must pause before the search is sent. */
export const SEARCH_DELAY_MS = 250;

/** How far ahead the page looks for a patient's booked consultation (the listing's limit). */
export const PATIENT_DAYS = 92;

/** The query as it is sent, or null while it is too short to send. */
export function searchable(query: string): string | null {
  const trimmed = query.trim();
  return trimmed.length >= MIN_SEARCH ? trimmed : null;
}

/** Only patients waiting for their consultation (referred, not yet screened) are booked one here. */
export function referredOnly(patients: PatientSummary[]): PatientSummary[] {
  return patients.filter((patient) => patient.status === 'REFERRED');
}

/** The calendar date (yyyy-mm-dd) of an instant on a site's clock. */
export function localDate(instant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return part('year') + '-' + part('month') + '-' + part('day');
}

/** A calendar date {@code days} later (or earlier): "2026-03-02" + 1 = "2026-03-03". */
/**
 * Whether a date field's value is a whole date to show (yyyy-mm-dd from this century on): while a year is being typed
 * the field already holds "0002-…", "0020-…", which are not asked for.
 */
export function typedDate(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '2000' ? value : null;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(isoDate + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Items grouped by their start's date on their own site's clock, in the order given. */
export function byDay<T extends { start: string; timeZone: string }>(items: T[]): { day: string; items: T[] }[] {
  const days: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = localDate(item.start, item.timeZone);
    const last = days[days.length - 1];
    if (last && last.day === day) {
      last.items.push(item);
    } else {
      days.push({ day, items: [item] });
    }
  }
  return days;
}

/** How a consultation's status reads. */
export function statusLabel(status: Consultation['status']): string {
  return { booked: 'booked', arrived: 'arrived', cancelled: 'cancelled', noshow: 'no-show' }[status] ?? status;
}

/** What the front desk's reason must be before a cancellation is sent (the service's own words); null when fine. */
export function reasonProblem(reason: string): string | null {
  if (!reason.trim()) {
    return 'A cancellation needs a reason';
  }
  if (reason.trim().length > 500) {
    return 'A reason has at most 500 characters';
  }
  return null;
}

/** The message of the service's refusal for one field, to show next to it; null when the refusal is not about it. */
export function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) {
    return null;
  }
  return error.problem.errors?.find((e) => e.field === field)?.message ?? null;
}

/** Whether the refusal only says scheduling has not yet heard of the patient from intake (it will, in seconds). */
export function notKnownYet(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.problem.reason === 'PATIENT_UNKNOWN';
}
