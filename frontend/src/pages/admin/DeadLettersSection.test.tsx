import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadLettersSection, type DeadLetter } from './DeadLettersSection';
import { stubFetch } from './testing';

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
  it("lists every service's dead letters, newest first, with where each came from and why", async () => {
    stubFetch([
      { path: '/api/intake/dead-letters', body: [] },
      {
        path: '/api/scheduling/dead-letters',
        body: [letter('s1', 'scheduling-service', '2026-11-30T08:00:00Z', { eventType: null, eventId: null })],
      },
      { path: '/api/session/dead-letters', body: [letter('x1', 'session-service', '2026-11-30T09:15:00Z')] },
    ]);
    render(<DeadLettersSection zone="Europe/Zurich" />);

    await waitFor(() => expect(document.getElementById('dead-letters')).toBeTruthy());
    const rows = [...document.querySelectorAll('#dead-letters tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0][0]).toContain('10:15');
    expect(rows[0][1]).toBe('session');
    expect(rows[0][2]).toContain('appointment booked');
    expect(rows[0][4]).toBe('clinic.scheduling-4@17');
    expect(rows[0][5]).toContain('CannotGetJdbcConnectionException');
    expect(rows[1][1]).toBe('scheduling');
    expect(rows[1][2]).toContain('unreadable record');
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
