import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadLettersSection, orderWarnings, replayOrder, type Parked } from './DeadLettersSection';
import { stubFetch } from './testing';
import type { DeadLetter } from './types';

afterEach(() => vi.unstubAllGlobals());

function letter(id: string, service: string, parkedAt: string, more: Partial<DeadLetter> = {}): DeadLetter {
  return {
    id,
    service,
    originalTopic: 'clinic.scheduling',
    originalPartition: 4,
    originalOffset: 17,
    eventId: 'e-' + id,
    eventType: 'clinic.scheduling.appointment-booked.v1',
    subject: 'p-1',
    exception: 'org.springframework.jdbc.CannotGetJdbcConnectionException',
    exceptionMessage: 'Failed to obtain JDBC Connection',
    parkedAt,
    replays: 0,
    lastReplayedAt: null,
    lastReplayedBy: null,
    lastReplayOutcome: null,
    ...more,
  };
}

describe('the dead letters', () => {
  it("lists every service's dead letters by patient, each patient's oldest first, on the clinic's clock", async () => {
    stubFetch([
      { path: '/api/intake/dead-letters', body: [letter('i1', 'intake-service', '2026-11-30T07:00:00Z', { subject: 'p-2' })] },
      {
        path: '/api/scheduling/dead-letters',
        body: [letter('s1', 'scheduling-service', '2026-11-30T08:00:00Z', { eventType: null, eventId: null })],
      },
      { path: '/api/session/dead-letters', body: [letter('x1', 'session-service', '2026-11-30T09:15:00Z')] },
    ]);
    render(<DeadLettersSection zone="Europe/Zurich" />);

    await waitFor(() => expect(document.getElementById('dead-letters')).toBeTruthy());
    const groups = [...document.querySelectorAll('#dead-letters tbody')].map((body) =>
      [...body.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
    );
    // p-1 (latest event 09:15) before p-2; within p-1 the older s1 first
    expect(groups.map((rows) => rows.map((r) => r[3]))).toEqual([['p-1', 'p-1'], ['p-2']]);
    const [s1, x1] = groups[0];
    expect(s1[0]).toBe('Mon, 30 Nov 2026 09:00');
    expect(s1[1]).toBe('scheduling');
    expect(s1[2]).toContain('unreadable record');
    expect(s1[2]).toContain('A later event of this patient is parked too, appointment booked (session)');
    expect(x1[0]).toBe('Mon, 30 Nov 2026 10:15');
    expect(x1[1]).toBe('session');
    expect(x1[2]).toContain('appointment booked');
    expect(x1[2]).toContain('Replay the earlier one first');
    expect(x1[4]).toBe('clinic.scheduling-4@17');
    expect(x1[5]).toContain('CannotGetJdbcConnectionException');
    expect(groups[1][0][2]).not.toContain('Replay the earlier');
    expect(document.getElementById('dead-letters-order')!.textContent).toContain("that patient's later events may be waiting");
    expect(document.querySelector('#dead-letters th')!.textContent).toBe('Parked (Zurich)');
  });

  it('replays one only once the administrator confirms, then says what happened and shows the replay', async () => {
    let replays = 0;
    const { calls } = stubFetch([
      { path: '/api/intake/dead-letters', body: [] },
      { path: '/api/scheduling/dead-letters', body: [] },
      {
        path: '/api/session/dead-letters',
        body: () => [
          letter('x1', 'session-service', '2026-11-30T09:15:00Z', {
            replays,
            lastReplayedBy: replays ? 'ada.admin' : null,
            lastReplayOutcome: replays ? 'APPLIED' : null,
          }),
        ],
      },
      {
        method: 'POST',
        path: '/api/session/dead-letters/x1/replay',
        body: () => {
          replays++;
          return { outcome: 'APPLIED' };
        },
      },
    ]);
    render(<DeadLettersSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('dead-letter-x1-replay')).toBeTruthy());

    fireEvent.click(document.getElementById('dead-letter-x1-replay')!);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(document.getElementById('dead-letter-x1-replay-question')!.textContent).toContain('session');
    fireEvent.click(document.getElementById('dead-letter-x1-replay-confirm')!);

    await waitFor(() => expect(document.getElementById('dead-letters-replayed')).toBeTruthy());
    expect(document.getElementById('dead-letters-replayed')!.textContent).toBe('The appointment booked was applied.');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/session/dead-letters/x1/replay',
    ]);
    await waitFor(() =>
      expect(document.querySelector('#dead-letter-x1')!.textContent).toContain('1, last by ada.admin: applied'),
    );
  });

  it("shows the others when one service cannot be read, and the refusal of a replay in the service's words", async () => {
    stubFetch([
      { path: '/api/intake/dead-letters', status: 503, body: { title: 'Service Unavailable', status: 503 } },
      { path: '/api/scheduling/dead-letters', body: [letter('s1', 'scheduling-service', '2026-11-30T08:00:00Z')] },
      { path: '/api/session/dead-letters', body: [] },
      {
        method: 'POST',
        path: '/api/scheduling/dead-letters/s1/replay',
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'The event failed again: Appointment x is not known yet' },
      },
    ]);
    render(<DeadLettersSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('dead-letters-intake-error')).toBeTruthy());
    expect(document.getElementById('dead-letter-s1')).toBeTruthy();

    fireEvent.click(document.getElementById('dead-letter-s1-replay')!);
    fireEvent.click(document.getElementById('dead-letter-s1-replay-confirm')!);

    await waitFor(() => expect(document.getElementById('dead-letter-s1-replay-problem')).toBeTruthy());
    expect(document.getElementById('dead-letter-s1-replay-problem')!.textContent).toContain('failed again');
    expect(document.getElementById('dead-letters-replayed')).toBeNull();
  });

  it('says so when nothing was parked', async () => {
    stubFetch([
      { path: '/api/intake/dead-letters', body: [] },
      { path: '/api/scheduling/dead-letters', body: [] },
      { path: '/api/session/dead-letters', body: [] },
    ]);
    render(<DeadLettersSection zone="UTC" />);
    await waitFor(() => expect(document.getElementById('dead-letters-none')).toBeTruthy());
  });
});

describe('the order to replay dead letters in', () => {
  const parked = (service: Parked['service'], id: string, parkedAt: string, more: Partial<DeadLetter> = {}): Parked => ({
    service,
    letter: letter(id, service + '-service', parkedAt, more),
  });

  it('groups by patient, oldest first within each, the patient with the latest event first', () => {
    const groups = replayOrder([
      parked('session', 'b', '2026-11-30T10:00:00Z', { subject: 'p-1' }),
      parked('intake', 'c', '2026-11-30T09:30:00Z', { subject: 'p-2' }),
      // "…09:00:00Z" sorts after "…09:00:00.5Z" as text, but is the earlier instant
      parked('scheduling', 'a2', '2026-11-30T09:00:00.5Z', { subject: 'p-1' }),
      parked('scheduling', 'a1', '2026-11-30T09:00:00Z', { subject: 'p-1' }),
      parked('session', 'n', '2026-11-30T11:00:00Z', { subject: null }),
      parked('intake', 'm', '2026-11-30T08:00:00Z', { subject: null }),
    ]);
    expect(groups.map((g) => [g.subject, g.rows.map((r) => r.letter.id)])).toEqual([
      [null, ['n']],
      ['p-1', ['a1', 'a2', 'b']],
      ['p-2', ['c']],
      // events whose patient is unknown tie nothing together: each is its own
      [null, ['m']],
    ]);
  });

  it('at the same instant from one partition, keeps the order they were published in', () => {
    const [group] = replayOrder([
      parked('session', 'later', '2026-11-30T09:00:00Z', { originalOffset: 18 }),
      parked('session', 'earlier', '2026-11-30T09:00:00Z', { originalOffset: 17 }),
    ]);
    expect(group.rows.map((r) => r.letter.id)).toEqual(['earlier', 'later']);
  });

  it("warns of the patient's other waiting events, not of one replayed already nor of the same event in another service", () => {
    const [group] = replayOrder([
      parked('scheduling', 'a', '2026-11-30T09:00:00Z', { eventId: 'e-1' }),
      parked('session', 'a-copy', '2026-11-30T09:00:01Z', { eventId: 'e-1' }),
      parked('session', 'b', '2026-11-30T10:00:00Z', { eventType: 'clinic.scheduling.appointment-cancelled.v1' }),
    ]);
    const [a, copy, b] = group.rows;
    expect(orderWarnings(a)).toEqual([
      "A later event of this patient is parked too, appointment cancelled (session): replay this one first, then the later one.",
    ]);
    expect(copy.earlier).toEqual([]);
    expect(orderWarnings(b)[0]).toContain("Replay the earlier one first: this patient's appointment booked (scheduling), appointment booked (session)");

    const [replayed] = replayOrder([
      parked('scheduling', 'a', '2026-11-30T09:00:00Z'),
      parked('session', 'b', '2026-11-30T10:00:00Z', { replays: 1, lastReplayOutcome: 'APPLIED' }),
    ]);
    expect(orderWarnings(replayed.rows[0])).toEqual([
      'A later event of this patient, appointment booked (session), was replayed already: this one would now be applied after it.',
    ]);
    expect(orderWarnings(replayed.rows[1])).toEqual([]);
  });
});
