import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IntegrationClientsSection, scopeWords } from './IntegrationClientsSection';
import { stubFetch } from './testing';
import type { IntegrationClient } from './types';

afterEach(() => vi.unstubAllGlobals());

const EHR: IntegrationClient = {
  clientId: 'ext-city-ehr',
  name: 'City EHR',
  authentication: 'client_secret',
  scopes: ['system/Appointment.rs', 'system/Patient.rs'],
  jwksUrl: null,
  createdBy: 'admin',
  createdAt: '2026-11-30T08:00:00Z',
  enabled: true,
};

const SCOPES = ['system/*.rs', 'system/Appointment.cu', 'system/Appointment.rs', 'system/Patient.rs'];

describe('the integration clients', () => {
  it('says each scope in words', () => {
    expect(scopeWords('system/Appointment.rs')).toBe('Appointment: read and search');
    expect(scopeWords('system/Appointment.cu')).toBe('Appointment: create and change (hold, book)');
    expect(scopeWords('system/*.read')).toBe('Every resource: read and search (SMART v1)');
  });

  it('lists the clients with their scopes in words, on the clinic clock', async () => {
    stubFetch([{ path: '/api/integration-clients', body: { clients: [EHR], availableScopes: SCOPES } }]);
    render(<IntegrationClientsSection zone="Europe/Zurich" />);

    await waitFor(() => expect(document.getElementById('clients')).toBeTruthy());
    const cells = [...document.querySelectorAll('#clients tbody td')].map((td) => td.textContent);
    expect(cells[0]).toBe('ext-city-ehr');
    expect(cells[2]).toBe('client secret');
    expect(cells[3]).toContain('Appointment: read and search');
    expect(cells[4]).toBe('Mon, 30 Nov 2026 09:00 by admin');
  });

  it('creates a client with the chosen scopes and shows its secret once', async () => {
    let clients: IntegrationClient[] = [];
    const { calls } = stubFetch([
      { path: '/api/integration-clients', body: () => ({ clients, availableScopes: SCOPES }) },
      {
        method: 'POST',
        path: '/api/integration-clients',
        status: 201,
        body: () => {
          clients = [{ ...EHR, clientId: 'ext-billing', name: 'Billing', scopes: ['system/Appointment.rs'] }];
          return { clientId: 'ext-billing', secret: 's3cr3t' };
        },
      },
    ]);
    render(<IntegrationClientsSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('clients-none')).toBeTruthy());

    fireEvent.input(document.getElementById('client-name')!, { target: { value: 'Billing' } });
    fireEvent.click(document.querySelector('input[value="system/Appointment.rs"]')!);
    fireEvent.submit(document.getElementById('new-client')!);

    await waitFor(() => expect(document.getElementById('client-secret')?.textContent).toBe('s3cr3t'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Billing',
      authentication: 'client_secret',
      scopes: ['system/Appointment.rs'],
    });
    await waitFor(() => expect(document.querySelector('#clients tbody td')?.textContent).toBe('ext-billing'));
  });

  it('shows a refused scope at the scopes and a missing JWKS URL at its field', async () => {
    stubFetch([
      { path: '/api/integration-clients', body: { clients: [], availableScopes: SCOPES } },
      {
        method: 'POST',
        path: '/api/integration-clients',
        status: 400,
        body: {
          title: 'Invalid input',
          errors: [{ field: 'jwksUrl', message: 'A private_key_jwt client needs the https URL of its JWKS.' }],
        },
      },
    ]);
    render(<IntegrationClientsSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('new-client')).toBeTruthy());

    fireEvent.input(document.getElementById('client-name')!, { target: { value: 'Lab' } });
    fireEvent.change(document.getElementById('client-authentication')!, { target: { value: 'private_key_jwt' } });
    await waitFor(() => expect(document.getElementById('client-jwks')).toBeTruthy());
    fireEvent.submit(document.getElementById('new-client')!);

    await waitFor(() => expect(document.getElementById('client-jwks')!.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('client-secret')).toBeNull();
  });

  it('revokes a client only once the administrator confirms', async () => {
    let clients = [EHR];
    const { calls } = stubFetch([
      { path: '/api/integration-clients', body: () => ({ clients, availableScopes: SCOPES }) },
      {
        method: 'DELETE',
        path: '/api/integration-clients/ext-city-ehr',
        status: 204,
        body: () => {
          clients = [];
          return null;
        },
      },
    ]);
    render(<IntegrationClientsSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('revoke-ext-city-ehr')).toBeTruthy());

    fireEvent.click(document.getElementById('revoke-ext-city-ehr')!);
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(document.getElementById('revoke-ext-city-ehr-confirm')!);

    await waitFor(() => expect(document.getElementById('clients-none')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
