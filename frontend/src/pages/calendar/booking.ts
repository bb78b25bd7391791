import { formatDay, formatTime, zoneLabel } from '../../lib/time';
import { dateIn, overlaps } from './calendar';
import type { CalendarChair, Slot } from './types';

/** "Mon 30 Nov 2026, 09:00–10:50" on the site's clock. */
export function spanText(span: { start: string; end: string }, zone: string): string {
  return formatDay(dateIn(span.start, zone)) + ', ' + formatTime(span.start, zone) + '–' + formatTime(span.end, zone);
}

/** "Zurich time": said next to every time a panel shows. */
export function zoneNote(zone: string): string {
  return zoneLabel(zone) + ' time';
}

/** Whether nothing in the chair (a cancelled appointment frees its time) overlaps the span. */
export function chairFree(chair: CalendarChair, span: { start: string; end: string }): boolean {
  return chair.appointments.filter((a) => a.status !== 'cancelled').every((a) => !overlaps(a, span));
}

/**
 * The free slots to offer for a click on a chair: the service found each start with the site open, a nurse to spare,
 * the patient free and some chair free (the first in the site's order); where the chair clicked is free too the slot
 * is offered in that chair. At most {@code limit}, by time.
 */
export function slotChoices(slots: Slot[], chair: CalendarChair, limit: number): Slot[] {
  return slots
    .map((slot) => (chair.active && chairFree(chair, slot) ? { ...slot, chairId: chair.id, chairName: chair.name } : slot))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .slice(0, limit);
}
