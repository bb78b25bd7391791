import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { slotChoices } from './booking';
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
import type { CalendarChair, Slot } from './types';

const zone = 'Europe/Zurich';

/** Mon, Wed, Fri of two weeks at 09:00 Zurich (08:00Z), in Chair A. */
const proposal = ['2026-11-30', '2026-12-02', '2026-12-04', '2026-12-07', '2026-12-09', '2026-12-11'].map((day, i) => ({
  sequence: i + 1,
  chairId: 'A',
  chairName: 'Chair A',
  start: day + 'T08:00:00Z',
  end: day + 'T09:50:00Z',
  problems: [],
}));

function slot(start: string, chairId = 'B'): Slot {
  const end = new Date(Date.parse(start) + 110 * 60000).toISOString();
  return { kind: 'INFUSION', chairId, chairName: 'Chair ' + chairId, start, end };
}

describe('a course being planned', () => {
  it('can be booked only when every occurrence was checked and fits', () => {
    const draft = draftOf(proposal);
    expect(fits(draft)).toBe(true);
    const changed = moved(draft, 1, slot('2026-12-02T09:00:00Z'));
    expect(changed[1]).toMatchObject({ chairId: 'B', start: '2026-12-02T09:00:00Z', problems: null });
    expect(fits(changed)).toBe(false);
    expect(requestOf(changed).occurrences[1]).toEqual({ chairId: 'B', start: '2026-12-02T09:00:00Z' });
    expect(fits([])).toBe(false);
  });

  it('takes each occurrence verdict of a refused booking onto that occurrence', () => {
    const refusal = new ApiError(409, {
      title: 'Conflict',
      detail: '1 of the 6 infusions do not fit; nothing was booked',
      occurrences: proposal.map((o) =>
        o.sequence === 2 ? { ...o, problems: [{ rule: 'CHAIR_TAKEN', message: 'The chair is taken Wed 2 Dec 09:00–10:50' }] } : o),
    } as ApiError['problem']);
    const verdict = verdictOf(refusal);
    expect(verdict).not.toBeNull();
    const draft = checked(draftOf(proposal), verdict!);
    expect(draft[1].problems?.[0].rule).toBe('CHAIR_TAKEN');
    expect(draft[0].problems).toEqual([]);
    expect(fits(draft)).toBe(false);
    expect(verdictOf(new ApiError(409, { title: 'Conflict', detail: 'The course is paused' }))).toBeNull();
    expect(verdictOf(new Error('offline'))).toBeNull();
  });

  it('looks for another time between the neighbours of the occurrence', () => {
    const draft: DraftOccurrence[] = draftOf(proposal);
    // Wednesday's neighbours are Monday and Friday: Tuesday to Thursday
    expect(alternativesWindow(draft, 1, zone)).toEqual({ from: '2026-11-30T23:00:00.000Z', until: '2026-12-03T23:00:00.000Z' });
    // the first has no previous one: from the day before
    expect(alternativesWindow(draft, 0, zone).from).toBe('2026-11-28T23:00:00.000Z');
  });

  it('offers times closest to the occurrence first, one per start, none where the patient is already planned', () => {
    const draft = draftOf(proposal);
    const slots = [
      slot('2026-12-02T07:00:00Z'),
      slot('2026-12-02T08:00:00Z'),
      slot('2026-12-02T08:00:00Z', 'C'),
      slot('2026-12-02T08:15:00Z'),
      slot('2026-12-02T08:00:00Z', 'A'), // its own time and chair: not another time
      slot('2026-12-04T08:30:00Z'), // overlaps Friday's occurrence
      slot('2026-12-03T12:00:00Z'),
    ];
    const offered = alternativeCandidates(slots, draft, 1, 3);
    expect(offered.map((s) => s.start + ' ' + s.chairId)).toEqual([
      '2026-12-02T08:00:00Z B',
      '2026-12-02T08:15:00Z B',
      '2026-12-02T07:00:00Z B',
    ]);
  });
});

describe('booking from a click on a chair', () => {
  const chair = (appointments: CalendarChair['appointments']): CalendarChair => ({
    id: 'B',
    name: 'Chair B',
    room: null,
    active: true,
    appointments,
  });

  it('offers each free time in the chair clicked when it is free there too', () => {
    const found = slotChoices([slot('2026-11-30T08:15:00Z', 'A'), slot('2026-11-30T08:00:00Z', 'A')], chair([]), 8);
    expect(found.map((s) => s.chairName)).toEqual(['Chair B', 'Chair B']);
    expect(found[0].start).toBe('2026-11-30T08:00:00Z');
  });

  it('keeps the chair the service found when the one clicked is taken then', () => {
    const taken = chair([{
      id: 'x', courseId: 'k', patientId: 'p', patientName: 'Someone', kind: 'INFUSION', sequence: 1,
      start: '2026-11-30T07:30:00Z', end: '2026-11-30T09:20:00Z', status: 'booked', onHold: false,
    }]);
    expect(slotChoices([slot('2026-11-30T08:00:00Z', 'A')], taken, 8)[0].chairName).toBe('Chair A');
    // a cancelled appointment frees its time
    taken.appointments[0].status = 'cancelled';
    expect(slotChoices([slot('2026-11-30T08:00:00Z', 'A')], taken, 8)[0].chairName).toBe('Chair B');
  });
});
