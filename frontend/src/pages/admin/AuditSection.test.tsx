import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditSection, auditQuery, mergeByTime, outcomeWords, type AuditEntry, type AuditPage } from './AuditSection';
import { stubFetch } from './testing';

afterEach(() => vi.unstubAllGlobals());

const PATIENT = '0b6a3f4e-1111-4222-8333-444455556666';

function entry(id: number, at: string, actor: string, action: string, outcome: number, patientIds: string[] = [PATIENT]): AuditEntry {
  return {
    id, at, actor, clientId: null, action, kind: 'read', resource: action.split(' ')[1], patientIds, outcome,
    clientAddress: '203.0.113.9', userAgent: 'Firefox', requestId: null,
  };
}

function page(source: string, entries: AuditEntry[], more = false): AuditPage {
  return { source, entries, page: 0, size: 50, more };
}

describe('the audit trail section', () => {
  it('searches all four trails for the patient and shows their rows as one list, newest first', async () => {
    const { calls } = stubFetch([
      { path: '/api/intake/audit', body: page('intake-service', [entry(1, '2026-11-30T09:00:00Z', 'nina', 'GET /api/intake/patients/{patientId}', 200)]) },
      { path: '/api/scheduling/audit', body: page('scheduling-service', []) },
      { path: '/api/session/audit', body: page('session-service', [entry(7, '2026-11-30T10:30:00Z', 'frank', 'GET /api/session/records/{id}', 403)]) },
      { path: '/api/gateway-audit', body: page('gateway', [entry(3, '2026-11-30T08:15:00Z', 'anonymous', 'GET /api/intake/patients/{id}', 401)]) },
    ]);
    render(<AuditSection />);

    fireEvent.input(document.getElementById('audit-patient')!, { target: { value: PATIENT } });
    fireEvent.submit(document.getElementById('audit-search')!);

    await waitFor(() => expect(document.getElementById('audit-table')).toBeTruthy());
    expect(calls.map((c) => c.url.split('?')[0])).toEqual([
      '/api/intake/audit', '/api/scheduling/audit', '/api/session/audit', '/api/gateway-audit',
    ]);
    expect(calls.every((c) => c.url.includes(`patient=${PATIENT}`))).toBe(true);
    const rows = [...document.querySelectorAll('#audit-table tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(rows.map((r) => r[1])).toEqual(['frank', 'nina', 'anonymous']);
    expect(rows[0]).toEqual([
      '2026-11-30 10:30:00 UTC', 'frank', 'GET /api/session/records/{id} read', PATIENT, '403 refused', '203.0.113.9', 'session-service',
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
    render(<AuditSection />);
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
    render(<AuditSection />);
    fireEvent.input(document.getElementById('audit-user')!, { target: { value: ' nina ' } });
    fireEvent.submit(document.getElementById('audit-search')!);
    await waitFor(() => expect(document.getElementById('audit-older')).toBeTruthy());
    expect(calls[0].url).toContain('user=nina');

    fireEvent.click(document.getElementById('audit-older')!);

    await waitFor(() => expect(document.querySelectorAll('#audit-table tbody tr')).toHaveLength(2));
    expect(calls.slice(4).map((c) => c.url.split('?')[0])).toEqual(['/api/intake/audit']);
    expect(document.getElementById('audit-older')).toBeNull();
  });

  it('escapes whatever a trail holds', async () => {
    stubFetch([
      { path: '/api/intake/audit', body: page('intake-service', [entry(1, '2026-11-30T09:00:00Z', '<img src=x onerror=alert(1)>', 'GET /api/intake/patients', 200)]) },
      { path: '/api/scheduling/audit', body: page('scheduling-service', []) },
      { path: '/api/session/audit', body: page('session-service', []) },
      { path: '/api/gateway-audit', body: page('gateway', []) },
    ]);
    render(<AuditSection />);
    fireEvent.submit(document.getElementById('audit-search')!);
    await waitFor(() => expect(document.getElementById('audit-table')).toBeTruthy());
    expect(document.querySelector('#audit-table img')).toBeNull();
    expect(document.getElementById('audit-table')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('audit helpers', () => {
  it('send only the parts of the search given, times as instants', () => {
    expect(auditQuery({ patient: '', user: '', from: '', to: '' }, 0)).toBe('page=0&size=50');
    const query = new URLSearchParams(auditQuery({ patient: ` ${PATIENT} `, user: 'nina', from: '2026-11-30T08:00', to: '' }, 2));
    expect(query.get('patient')).toBe(PATIENT);
    expect(query.get('from')).toBe(new Date('2026-11-30T08:00').toISOString());
    expect(query.has('to')).toBe(false);
    expect(query.get('page')).toBe('2');
  });

  it('merge the trails newest first and put the outcome in words', () => {
    const merged = mergeByTime([
      page('a', [entry(1, '2026-11-30T09:00:00.100Z', 'x', 'GET /a', 200), entry(2, '2026-11-30T08:00:00Z', 'y', 'GET /a', 200)]),
      page('b', [entry(1, '2026-11-30T08:30:00Z', 'z', 'GET /b', 500)]),
    ]);
    expect(merged.map((e) => e.actor)).toEqual(['x', 'z', 'y']);
    expect(outcomeWords(201)).toBe('201 done');
    expect(outcomeWords(503)).toBe('503 not recorded, withheld');
    expect(outcomeWords(500)).toBe('500 failed');
  });
});
