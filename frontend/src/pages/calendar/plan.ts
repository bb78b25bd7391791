import { ApiError } from '../../lib/api';
import { addDays, dateIn, dayStart, overlaps } from './calendar';
import type { PlannedOccurrence, Slot } from './types';

/**
 * A whole course on the front desk's desk before it is booked: the occurrences the service proposed or the user
 * moved, each with the rules it breaks (empty when it fits; null while it waits for a check).
 */
export interface DraftOccurrence {
  sequence: number;
  chairId: string;
  chairName: string;
  start: string;
  end: string;
  problems: PlannedOccurrence['problems'] | null;
}

export function draftOf(occurrences: PlannedOccurrence[]): DraftOccurrence[] {
  return occurrences.map((o) => ({ ...o, problems: [...o.problems] }));
}

/** The body of plan-check and bookings: every occurrence's chair and start. */
export function requestOf(draft: DraftOccurrence[]): { occurrences: { chairId: string; start: string }[] } {
  return { occurrences: draft.map((o) => ({ chairId: o.chairId, start: o.start })) };
}

/** Whether every occurrence was checked and fits: only then may the course be booked. */
export function fits(draft: DraftOccurrence[]): boolean {
  return draft.length > 0 && draft.every((o) => o.problems !== null && o.problems.length === 0);
}

/** The draft with one occurrence moved to a slot; its check is pending until the plan is checked again. */
export function moved(draft: DraftOccurrence[], index: number, slot: { chairId: string; chairName: string; start: string; end: string }): DraftOccurrence[] {
  return draft.map((o, i) =>
    i === index ? { ...o, chairId: slot.chairId, chairName: slot.chairName, start: slot.start, end: slot.end, problems: null } : o,
  );
}

/** The draft with the service's verdict on each occurrence (from plan-check, or a booking's 409). */
export function checked(draft: DraftOccurrence[], verdict: PlannedOccurrence[]): DraftOccurrence[] {
  return draft.map((o, i) => {
    const found = verdict.find((v) => v.sequence === o.sequence) ?? verdict[i];
    return found ? { ...o, chairName: found.chairName, end: found.end, problems: [...found.problems] } : o;
  });
}

/** The per-occurrence verdict a refused booking carries (409 with {@code occurrences}), if it has one. */
export function verdictOf(error: unknown): PlannedOccurrence[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) {
    return null;
  }
  const occurrences = (error.problem as { occurrences?: unknown }).occurrences;
  return Array.isArray(occurrences) ? (occurrences as PlannedOccurrence[]) : null;
}

/**
 * Where to look for another time for occurrence {@code index}: from the day before it to two days after, kept
 * between its neighbours' days so the course keeps its order; as instants of the site's day starts.
 */
export function alternativesWindow(draft: DraftOccurrence[], index: number, zone: string): { from: string; until: string } {
  const day = dateIn(draft[index].start, zone);
  let from = addDays(day, -1);
  let until = addDays(day, 3);
  if (index > 0) {
    const previous = addDays(dateIn(draft[index - 1].start, zone), 1);
    from = previous > from ? previous : from;
  }
  if (index < draft.length - 1) {
    const next = dateIn(draft[index + 1].start, zone);
    until = next < until ? next : until;
  }
  if (from >= until) {
    from = day;
    until = addDays(day, 1);
  }
  return { from: dayStart(from, zone), until: dayStart(until, zone) };
}

/**
 * The free slots worth offering instead of occurrence {@code index}: none that overlaps another occurrence of the
 * plan (the patient cannot be in two chairs), not the occurrence's own time and chair, one per start time, the ones
 * closest in time to the occurrence first, at most {@code max}.
 */
export function alternativeCandidates(slots: Slot[], draft: DraftOccurrence[], index: number, max: number): Slot[] {
  const original = draft[index];
  const others = draft.filter((_, i) => i !== index);
  const seen = new Set<number>();
  return slots
    .filter((s) => !others.some((o) => overlaps(o, s)))
    .filter((s) => !(s.chairId === original.chairId && Date.parse(s.start) === Date.parse(original.start)))
    .sort((a, b) => {
      const distance = (s: Slot) => Math.abs(Date.parse(s.start) - Date.parse(original.start));
      return distance(a) - distance(b) || Date.parse(a.start) - Date.parse(b.start);
    })
    .filter((s) => {
      const start = Date.parse(s.start);
      if (seen.has(start)) {
        return false;
      }
      seen.add(start);
      return true;
    })
    .slice(0, max);
}
