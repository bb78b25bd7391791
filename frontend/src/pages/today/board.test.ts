import { describe, expect, it } from 'vitest';
import { type CalendarAppointment, type CalendarView, type DayEntry, boardHours, placement, stateOf } from './board';

const booked: CalendarAppointment = {
  id: 'a1',
  courseId: 'c1',
  patientId: 'p1',
  patientName: 'Ada Lovelace',
  kind: 'INFUSION',
  sequence: 2,
  start: '2026-11-30T08:00:00Z',
  end: '2026-11-30T09:50:00Z',
  status: 'booked',
  onHold: false,
};

function entry(stage: NonNullable<DayEntry['progress']>['stage']): DayEntry {
  return {
    appointmentId: 'a1',
    patientName: 'Ada Lovelace',
    mrn: 'MRN-000001',
    position: 'Infusion 2 of 6',
    courseStatus: 'ACTIVE',
    dosingPaused: false,
    recordId: 'r1',
    progress: { recordId: 'r1', stage, since: '2026-11-30T08:10:00Z', readingsDue: 0, readingsOverdue: 0, openAlerts: 0 },
  };
}

describe('the state a booking shows', () => {
  it('is the appointment status in scheduling while no record is open', () => {
    expect(stateOf(booked).state).toBe('booked');
    expect(stateOf({ ...booked, status: 'arrived' }).state).toBe('arrived');
    expect(stateOf({ ...booked, status: 'checked-in' }).state).toBe('checked in');
    expect(stateOf({ ...booked, status: 'fulfilled' }).state).toBe('done');
    expect(stateOf({ ...booked, onHold: true }).state).toBe('on hold');
  });

  it('is the session stage, since when, once the record is open', () => {
    expect(stateOf(booked, entry('INFUSING'))).toEqual({ state: 'infusing', since: '2026-11-30T08:10:00Z' });
    expect(stateOf(booked, entry('READY_FOR_DISCHARGE')).state).toBe('ready for discharge');
    expect(stateOf(booked, entry('DONE')).state).toBe('done');
  });

  it('is no-show whatever the record says', () => {
    expect(stateOf({ ...booked, status: 'noshow' }, entry('ARRIVED')).state).toBe('no-show');
  });
});

describe('the board', () => {
  const view = (zone: string, appointments: CalendarAppointment[]): CalendarView => ({
    siteId: 's1',
    siteName: 'Main clinic',
    timeZone: zone,
    from: '2026-11-30',
    chairs: [{ id: 'c1', name: 'Chair 1', room: null, active: true, appointments }],
    nurses: [],
  });

  it('places a booking by the site clock: 09:00-10:50 in Zurich on an 08:00-18:00 board', () => {
    const place = placement(booked, 'Europe/Zurich', { first: 8, last: 18 });
    expect(place.left).toBeCloseTo(10, 5);
    expect(place.width).toBeCloseTo((110 / 600) * 100, 5);
  });

  it('shows at least 08:00-18:00 and widens to an early booking on the site clock', () => {
    expect(boardHours(view('Europe/Zurich', [booked]))).toEqual({ first: 8, last: 18 });
    // 08:00Z is 00:00 in Los Angeles: the board starts at midnight there
    expect(boardHours(view('America/Los_Angeles', [booked])).first).toBe(0);
  });
});
