import { describe, expect, it } from 'vitest';
import { chairZones, timeline } from './course';
import type { Course } from './types';

const course: Course = {
  id: 'c1', patientId: 'p1', status: 'ACTIVE', pauseReason: null, cancellationReason: null, plannedInfusions: 3,
  completedInfusions: 1,
  appointments: [
    { id: 'a2', chairId: 'ch1', chairName: 'Chair 1', start: '2026-03-04T08:00:00Z', end: '2026-03-04T09:50:00Z', status: 'cancelled', sequence: 2, onHold: false },
    { id: 'a1', chairId: 'ch1', chairName: 'Chair 1', start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:50:00Z', status: 'fulfilled', sequence: 1, onHold: false },
  ],
};

describe('the course timeline', () => {
  it('lists the appointments by time and the infusions still to book', () => {
    expect(timeline(course).map((s) => (s.kind === 'appointment' ? s.appointment.id : 'unbooked ' + s.sequence)))
      .toEqual(['a1', 'a2', 'unbooked 2', 'unbooked 3']);
  });

  it('shows a cancelled course without infusions to book', () => {
    expect(timeline({ ...course, status: 'CANCELLED' }).filter((s) => s.kind === 'unbooked')).toEqual([]);
  });

  it("reads each chair on its site's clock", () => {
    const zones = chairZones([{ id: 'ch1', siteId: 's1' }, { id: 'ch2', siteId: 'gone' }], [{ id: 's1', timeZone: 'Europe/Zurich' }]);
    expect(zones.get('ch1')).toBe('Europe/Zurich');
    expect(zones.has('ch2')).toBe(false);
  });
});
