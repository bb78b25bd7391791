import { fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastAnswer, WebhooksSection } from './WebhooksSection';
import { stubFetch } from './testing';
import type { WebhookDelivery, WebhookSubscription } from './types';

afterEach(() => vi.unstubAllGlobals());

const TYPES = ['clinic.scheduling.appointment-booked.v1', 'clinic.scheduling.appointment-cancelled.v1'];

function subscription(id: string, more: Partial<WebhookSubscription> = {}): WebhookSubscription {
  return {
    id,
    url: 'https://pharmacy.example/hooks',
    eventTypes: [TYPES[0]],
    active: true,
    createdBy: 'ada.admin',
    createdAt: '2026-11-30T08:00:00Z',
    deactivatedBy: null,
    deactivatedAt: null,
    ...more,
  };
}

function delivery(id: string, more: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id,
    subscriptionId: 'w1',
    eventId: 'e-' + id,
    eventType: TYPES[0],
    subject: 'p-1',
    occurredAt: '2026-11-30T08:05:00Z',
    status: 'FAILED',
    attempts: 15,
    nextAttemptAt: '2026-11-30T09:00:00Z',
    lastAttemptAt: '2026-11-30T09:00:00Z',
    lastStatusCode: 500,
    lastError: 'the receiver answered 500',
    deliveredAt: null,
    replays: 0,
    lastReplayedBy: null,
    createdAt: '2026-11-30T08:05:00Z',
    ...more,
  };
}

const scheduling = (subscriptions: () => WebhookSubscription[]) => [
  { path: '/api/scheduling/webhooks/event-types', body: TYPES },
  { path: '/api/scheduling/webhooks', body: subscriptions },
];

describe('the webhooks', () => {
  it('subscribes a URL to the chosen event types and shows the secret once', async () => {
    let listed: WebhookSubscription[] = [];
    const { calls, routes } = stubFetch(scheduling(() => listed));
    routes.push({
      method: 'POST',
      path: '/api/scheduling/webhooks',
      status: 201,
      body: ({ body }: { body: unknown }) => {
        listed = [subscription('w1')];
        return { ...subscription('w1'), ...(body as object), secret: 'whsec_c2VjcmV0' };
      },
    });
    render(<WebhooksSection zone="Europe/Zurich" />);

    await waitFor(() => expect(document.getElementById('webhooks-none')).toBeTruthy());
    const boxes = [...document.querySelectorAll<HTMLInputElement>('input[name="webhook-type"]')];
    expect(boxes.map((b) => b.parentElement!.textContent!.trim())).toEqual([
      'appointment booked clinic.scheduling.appointment-booked.v1',
      'appointment cancelled clinic.scheduling.appointment-cancelled.v1',
    ]);
    // the forms' checkbox label (beside its text), not a class with no style
    expect(boxes.map((b) => b.parentElement!.className)).toEqual(['check', 'check']);
    fireEvent.input(document.getElementById('webhook-url')!, { target: { value: ' https://pharmacy.example/hooks ' } });
    fireEvent.click(boxes[0]);
    fireEvent.submit(document.getElementById('webhook-subscribe')!);

    await waitFor(() => expect(document.getElementById('webhook-secret')).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      url: 'https://pharmacy.example/hooks',
      eventTypes: [TYPES[0]],
    });
    expect(document.getElementById('webhook-secret')!.textContent).toContain('whsec_c2VjcmV0');
    await waitFor(() => expect(document.getElementById('webhook-w1')).toBeTruthy());
    const cells = [...document.getElementById('webhook-w1')!.children].map((cell) => cell.textContent);
    expect(cells[0]).toBe('https://pharmacy.example/hooks');
    expect(cells[1]).toBe('appointment booked');
    expect(cells[2]).toBe('Mon, 30 Nov 2026 09:00by ada.admin');
    expect(cells[3]).toBe('active');
  });

  it('asks for an event type before sending, and shows the service\'s refusal of the URL at the field', async () => {
    const { calls, routes } = stubFetch(scheduling(() => []));
    routes.push({
      method: 'POST',
      path: '/api/scheduling/webhooks',
      status: 400,
      body: { title: 'Invalid input', status: 400, errors: [{ field: 'url', message: 'must be an absolute http or https URL with a host' }] },
    });
    render(<WebhooksSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.querySelectorAll('input[name="webhook-type"]').length).toBe(2));

    fireEvent.input(document.getElementById('webhook-url')!, { target: { value: 'ftp://x' } });
    fireEvent.submit(document.getElementById('webhook-subscribe')!);
    await waitFor(() => expect(document.getElementById('webhook-types-error')).toBeTruthy());
    expect(document.getElementById('webhook-types-error')!.textContent).toBe('Pick at least one event type.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(document.querySelector('input[name="webhook-type"]')!);
    fireEvent.submit(document.getElementById('webhook-subscribe')!);
    await waitFor(() => expect(document.getElementById('webhook-url-error')).toBeTruthy());
    expect(document.getElementById('webhook-url-error')!.textContent).toBe('Must be an absolute http or https URL with a host.');
    expect(document.getElementById('webhook-url')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('webhook-secret')).toBeNull();
  });

  it("shows a subscription's deliveries by status and sends a given-up one again once asked", async () => {
    let replayed = false;
    const { calls, routes } = stubFetch(scheduling(() => [subscription('w1')]));
    routes.push(
      {
        path: '/api/scheduling/webhooks/w1/deliveries',
        body: ({ url }: { url: string }) =>
          url.includes('status=FAILED') && replayed
            ? []
            : [replayed ? delivery('d1', { status: 'PENDING', attempts: 0, replays: 1, lastReplayedBy: 'ada.admin' }) : delivery('d1')],
      },
      {
        method: 'POST',
        path: '/api/scheduling/webhooks/w1/deliveries/d1/replay',
        body: () => {
          replayed = true;
          return delivery('d1', { status: 'PENDING', attempts: 0 });
        },
      },
    );
    render(<WebhooksSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('webhook-w1-deliveries')).toBeTruthy());
    fireEvent.click(document.getElementById('webhook-w1-deliveries')!);
    await waitFor(() => expect(document.getElementById('webhook-delivery-d1')).toBeTruthy());
    const row = () => [...document.getElementById('webhook-delivery-d1')!.children].map((cell) => cell.textContent);
    expect(row().slice(0, 5)).toEqual(['appointment bookede-d1', 'p-1', 'given up', '15', 'answered 500']);

    fireEvent.change(document.getElementById('webhook-deliveries-status')!, { target: { value: 'FAILED' } });
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/deliveries?status=FAILED'))).toBe(true));

    fireEvent.click(document.getElementById('webhook-delivery-d1-replay')!);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(document.getElementById('webhook-delivery-d1-replay-confirm')!);
    await waitFor(() => expect(document.getElementById('webhook-deliveries-said')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/scheduling/webhooks/w1/deliveries/d1/replay',
    ]);
    await waitFor(() => expect(document.getElementById('webhook-deliveries-none')).toBeTruthy());
  });

  it('deactivates a subscription only once asked', async () => {
    let active = true;
    const { calls, routes } = stubFetch(scheduling(() => [subscription('w1', active ? {} : { active: false, deactivatedBy: 'ada.admin' })]));
    routes.push({
      method: 'DELETE',
      path: '/api/scheduling/webhooks/w1',
      status: 204,
      body: () => {
        active = false;
        return null;
      },
    });
    render(<WebhooksSection zone="Europe/Zurich" />);
    await waitFor(() => expect(document.getElementById('webhook-w1-deactivate')).toBeTruthy());
    fireEvent.click(document.getElementById('webhook-w1-deactivate')!);
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(document.getElementById('webhook-w1-deactivate-confirm')!);
    await waitFor(() => expect(document.getElementById('webhook-w1')!.children[3].textContent).toBe('deactivated by ada.admin'));
    expect(document.getElementById('webhook-w1-deactivate')).toBeNull();
  });

  it('says what the receiver last answered', () => {
    expect(lastAnswer(delivery('d', { lastStatusCode: 503 }))).toBe('answered 503');
    expect(lastAnswer(delivery('d', { lastStatusCode: null, lastError: 'ConnectException' }))).toBe('ConnectException');
    expect(lastAnswer(delivery('d', { lastStatusCode: null, lastError: null, attempts: 0 }))).toBe('not sent yet');
  });
});
