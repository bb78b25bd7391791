import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuditSection,
  addPages,
  auditQuery,
  firstPages,
  mergeByTime,
  newSearch,
  olderPages,
  outcomeWords,
  pinnedEnd,
  wallClockInstant,
} from './AuditSection';
import { stubFetch } from './testing';
import type { AuditEntry, AuditPage } from './types';

afterEach(() => vi.unstubAllGlobals());

const PATIENT = '0b6a3f4e-1111-4222-8333-444455556666';

function entry(id: number, at: string, actor: string, action: string, outcome: number, patientIds: string[] = [PATIENT]): AuditEntry {
  return {
    id, at, actor, clientId: null, action, kind: 'read', resource: action.split(' ')[1], patientIds, outcome,
    clientAddress: '203.0.113.9', userAgent: 'Firefox', requestId: null,
  };
}

function page(source: string, entries: AuditEntry[], more = false, number = 0): AuditPage {
  return { source, entries, page: number, size: 50, more };
}

describe('the audit trail section', () => {
  it('searches all four trails for the patient and shows their rows as one list, newest first', async () => {
    const { calls } = stubFetch([
      { path: '/api/intake/audit', body: page('intake-service', [entry(1, '2026-11-30T09:00:00Z', 'nina', 'GET /api/intake/patients/{patientId}', 200)]) },
      { path: '/api/scheduling/audit', body: page('scheduling-service', []) },
      { path: '/api/session/audit', body: page('session-service', [entry(7, '2026-11-30T10:30:00Z', 'frank', 'GET /api/session/records/{id}', 403)]) },
      { path: '/api/gateway-audit', body: page('gateway', [entry(3, '2026-11-30T08:15:00Z', 'anonymous', 'GET /api/intake/patients/{id}', 401)]) },
    ]);
    render(<AuditSection zone="Europe/Zurich" />);

    fireEvent.input(document.getElementById('audit-patient')!, { target: { value: PATIENT } });
    fireEvent.submit(document.getElementById('audit-search')!);

    await waitFor(() => expect(document.getElementById('audit-table')).toBeTruthy());
    expect(calls.map((c) => c.url.split('?')[0])).toEqual([
      '/api/intake/audit', '/api/scheduling/audit', '/api/session/audit', '/api/gateway-audit',
    ]);
    expect(calls.every((c) => c.url.includes(`patient=${PATIENT}`))).toBe(true);
    expect(document.getElementById('audit-heading')!.parentElement!.textContent).toContain("clinic's clock, in Zurich (Europe/Zurich)");
    expect(document.querySelector('#audit-table th')!.textContent).toBe('When (Zurich)');
    const rows = [...document.querySelectorAll('#audit-table tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(rows.map((r) => r[1])).toEqual(['frank', 'nina', 'anonymous']);
    expect(rows[0]).toEqual([
      '30 Nov 2026, 11:30:00', 'frank', 'GET /api/session/records/{id} read', PATIENT, '403 refused', '203.0.113.9', 'session-service',
    ]);
    expect(rows[2][4]).toBe('401 not signed in');
  });

  it('names a trail it could not search and still shows the others', async () => {
    stubFetch([
      { path: '/api/intake/audit', body: page('intake-service', [entry(1, '2026-11-30T09:00:00Z', 'nina', 'GET /api/intake/patients', 200)]) },
      { path: '/api/scheduling/audit', body: page('scheduling-service', []) },
      { path: '/api/session/audit', status: 503, body: { title: 'Service unavailable', detail: 'The session service does not answer.' } },
      { path: '/api/gateway-audit', body: page('gateway', []) },
    ]);
    render(<AuditSection zone="Europe/Zurich" />);
    fireEvent.submit(document.getElementById('audit-search')!);

    await waitFor(() => expect(document.getElementById('audit-table')).toBeTruthy());
    expect(document.body.textContent).toContain('Sessions: this trail could not be searched.');
    expect(document.body.textContent).toContain('The session service does not answer.');
    expect(document.querySelectorAll('#audit-table tbody tr')).toHaveLength(1);
  });

  it('asks the trails with more rows for the next page and adds them below', async () => {
    const { calls } = stubFetch([
      { path: '/api/intake/audit', body: ({ url }: { url: string }) => url.includes('page=1')
        ? page('intake-service', [entry(2, '2026-11-29T09:00:00Z', 'olga', 'GET /api/intake/patients', 200)])
        : page('intake-service', [entry(1, '2026-11-30T09:00:00Z', 'nina', 'GET /api/intake/patients', 200)], true) },
      { path: '/api/scheduling/audit', body: page('scheduling-service', []) },
      { path: '/api/session/audit', body: page('session-service', []) },
      { path: '/api/gateway-audit', body: page('gateway', []) },
    ]);
    render(<AuditSection zone="Europe/Zurich" />);
    fireEvent.input(document.getElementById('audit-user')!, { target: { value: ' nina ' } });
    fireEvent.submit(document.getElementById('audit-search')!);
    await waitFor(() => expect(document.getElementById('audit-older')).toBeTruthy());
    expect(calls[0].url).toContain('user=nina');

    fireEvent.click(document.getElementById('audit-older')!);

    await waitFor(() => expect(document.querySelectorAll('#audit-table tbody tr')).toHaveLength(2));
    expect(calls.slice(4).map((c) => c.url.split('?')[0])).toEqual(['/api/intake/audit']);
    // the next page ends just after the newest row the first showed: rows recorded since do not shift it
    expect(new URLSearchParams(calls[4].url.split('?')[1]).get('to')).toBe('2026-11-30T09:00:00.001Z');
    expect(document.getElementById('audit-older')).toBeNull();
  });

  it('escapes whatever a trail holds', async () => {
    stubFetch([
      { path: '/api/intake/audit', body: page('intake-service', [entry(1, '2026-11-30T09:00:00Z', '<img src=x onerror=alert(1)>', 'GET /api/intake/patients', 200)]) },
      { path: '/api/scheduling/audit', body: page('scheduling-service', []) },
      { path: '/api/session/audit', body: page('session-service', []) },
      { path: '/api/gateway-audit', body: page('gateway', []) },
    ]);
    render(<AuditSection zone="Europe/Zurich" />);
    fireEvent.submit(document.getElementById('audit-search')!);
    await waitFor(() => expect(document.getElementById('audit-table')).toBeTruthy());
    expect(document.querySelector('#audit-table img')).toBeNull();
    expect(document.getElementById('audit-table')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('audit helpers', () => {
  it('send only the parts of the search given, times read on the clinic clock and sent as instants', () => {
    expect(auditQuery({ patient: '', user: '', from: '', to: '' }, 0, 'Europe/Zurich')).toBe('page=0&size=50');
    const query = new URLSearchParams(
      auditQuery({ patient: ` ${PATIENT} `, user: 'nina', from: '2026-11-30T08:00', to: '' }, 2, 'Europe/Zurich'),
    );
    expect(query.get('patient')).toBe(PATIENT);
    expect(query.get('from')).toBe('2026-11-30T07:00:00.000Z');
    expect(query.has('to')).toBe(false);
    expect(query.get('page')).toBe('2');
    // a pinned end replaces the search's own
    const pinned = new URLSearchParams(
      auditQuery({ patient: '', user: '', from: '', to: '2026-12-01T00:00' }, 1, 'UTC', '2026-11-30T09:00:00.001Z'),
    );
    expect(pinned.get('to')).toBe('2026-11-30T09:00:00.001Z');
  });

  it('read a date-time input on the given clock, summer and winter', () => {
    expect(wallClockInstant('', 'Europe/Zurich')).toBeNull();
    expect(wallClockInstant('2026-07-01T08:00', 'Europe/Zurich')).toBe('2026-07-01T06:00:00.000Z');
    expect(wallClockInstant('2026-01-01T08:00', 'America/New_York')).toBe('2026-01-01T13:00:00.000Z');
  });

  it('pin the end of later pages just after the newest row shown, never past the search end', () => {
    const rows = [entry(1, '2026-11-30T09:00:00.5Z', 'a', 'GET /a', 200), entry(2, '2026-11-30T10:00:00Z', 'b', 'GET /a', 200)];
    expect(pinnedEnd(rows, null)).toBe('2026-11-30T10:00:00.001Z');
    expect(pinnedEnd(rows, '2026-12-01T00:00:00.000Z')).toBe('2026-11-30T10:00:00.001Z');
    expect(pinnedEnd(rows, '2026-11-30T10:00:00.000Z')).toBe('2026-11-30T10:00:00.000Z');
    expect(pinnedEnd([], '2026-11-30T10:00:00.000Z')).toBe('2026-11-30T10:00:00.000Z');
    expect(pinnedEnd([], null)).toBeNull();
  });

  it('merge the trails newest first by instant, not by text, each row once, and put the outcome in words', () => {
    const merged = mergeByTime([
      page('a', [entry(1, '2026-11-30T09:00:00.100Z', 'x', 'GET /a', 200), entry(2, '2026-11-30T08:00:00Z', 'y', 'GET /a', 200)]),
      page('b', [entry(1, '2026-11-30T08:30:00Z', 'z', 'GET /b', 500), entry(1, '2026-11-30T08:30:00Z', 'z', 'GET /b', 500)]),
      // "…09:00:00Z" sorts after "…09:00:00.100Z" as text, but is the earlier instant
      page('c', [entry(5, '2026-11-30T09:00:00Z', 'w', 'GET /c', 200)]),
    ]);
    expect(merged.map((e) => e.actor)).toEqual(['x', 'w', 'z', 'y']);
    expect(outcomeWords(201)).toBe('201 done');
    expect(outcomeWords(503)).toBe('503 not recorded, withheld');
    expect(outcomeWords(500)).toBe('500 failed');
  });

  it('page a search frozen at its first page: older pages keep the submitted filter and the pinned end', () => {
    const search = newSearch({ patient: PATIENT, user: '', from: '', to: '' }, 'Europe/Zurich');
    expect(firstPages(search).map((p) => p.trail)).toEqual(['intake', 'scheduling', 'session', 'gateway']);

    const first = addPages(
      search,
      [
        { source: 'intake', value: page('intake-service', [entry(9, '2026-11-30T09:00:00Z', 'nina', 'GET /a', 200)], true) },
        { source: 'scheduling', value: page('scheduling-service', []) },
        { source: 'gateway', value: page('gateway', [entry(4, '2026-11-30T08:00:00Z', 'anonymous', 'GET /a', 401)]) },
      ],
      [{ source: 'session', error: new Error('down') }],
    );
    expect(first.failures).toEqual([{ trail: 'session', page: 0, error: new Error('down') }]);
    const older = olderPages(first);
    expect(older.map((p) => p.trail)).toEqual(['intake']);
    const query = new URLSearchParams(older[0].query);
    expect(query.get('page')).toBe('1');
    expect(query.get('patient')).toBe(PATIENT);
    expect(query.get('to')).toBe('2026-11-30T09:00:00.001Z');

    // the next page repeats row 9 (it should not, but a row recorded at the same instant could): shown once
    const second = addPages(
      first,
      [{ source: 'intake', value: page('intake-service', [entry(9, '2026-11-30T09:00:00Z', 'nina', 'GET /a', 200), entry(8, '2026-11-29T09:00:00Z', 'olga', 'GET /a', 200)], false, 1) }],
      [],
    );
    expect(mergeByTime(second.trails).map((e) => e.source + ':' + e.id)).toEqual(['intake-service:9', 'gateway:4', 'intake-service:8']);
    expect(olderPages(second)).toEqual([]);
    // the session trail was not asked again: its failure still shows
    expect(second.failures.map((f) => f.trail)).toEqual(['session']);
  });

  it('keep a trail whose older page failed, say which page, and clear that once it answers', () => {
    const first = addPages(
      newSearch({ patient: '', user: '', from: '', to: '' }, 'UTC'),
      [{ source: 'intake', value: page('intake-service', [entry(1, '2026-11-30T09:00:00Z', 'nina', 'GET /a', 200)], true) }],
      [],
    );
    const failed = addPages(first, [], [{ source: 'intake', error: new Error('timeout') }]);
    expect(failed.failures).toEqual([{ trail: 'intake', page: 1, error: new Error('timeout') }]);
    expect(olderPages(failed).map((p) => p.trail)).toEqual(['intake']);
    expect(mergeByTime(failed.trails)).toHaveLength(1);

    const retried = addPages(failed, [{ source: 'intake', value: page('intake-service', [], false, 1) }], []);
    expect(retried.failures).toEqual([]);
    expect(olderPages(retried)).toEqual([]);
  });
});
