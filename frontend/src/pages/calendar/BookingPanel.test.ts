import { describe, expect, it } from 'vitest';
import type { Me } from '../../lib/me';
import { actionsFor } from './BookingPanel';

const frontDesk: Me = { username: 'frank', name: 'Frank', roles: ['front-desk'] };
const nurse: Me = { username: 'nina', name: 'Nina', roles: ['nurse'] };
const booked = (onItsDay: boolean, onHold = false) => ({ status: 'booked', onHold, onItsDay });

describe('what the booking panel offers', () => {
  it('offers arrival of a booked appointment on its day only, to the front desk and the nurse', () => {
    expect(actionsFor(frontDesk, booked(true)).arrival).toBe(true);
    expect(actionsFor(nurse, booked(true)).arrival).toBe(true);
    expect(actionsFor(frontDesk, booked(false)).arrival).toBe(false);
    expect(actionsFor(nurse, booked(false)).arrival).toBe(false);
    expect(actionsFor(frontDesk, { status: 'arrived', onHold: false, onItsDay: true }).arrival).toBe(false);
  });

  it('offers the front desk a reschedule, a no-show and a cancellation whatever the day', () => {
    expect(actionsFor(frontDesk, booked(false))).toEqual({ arrival: false, noShow: true, reschedule: true, cancel: true });
    expect(actionsFor(nurse, booked(true))).toEqual({ arrival: true, noShow: false, reschedule: false, cancel: false });
  });

  it('offers only a cancellation while the course is paused, even on the day', () => {
    expect(actionsFor(frontDesk, booked(true, true))).toEqual({ arrival: false, noShow: false, reschedule: false, cancel: true });
    expect(actionsFor(nurse, booked(true, true))).toEqual({ arrival: false, noShow: false, reschedule: false, cancel: false });
  });
});
