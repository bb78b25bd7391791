import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { whenOn } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { fieldRefusal } from './forms';
import { SERVICES, type Service } from './services';
import type { CreatedWebhookSubscription, WebhookDelivery, WebhookDeliveryStatus, WebhookSubscription } from './types';
import { AdminForm, ConfirmButton, Field, FormProblem, SelectField, useFormState } from './ui';

/** "clinic.scheduling.appointment-booked.v1" → "appointment booked". */
export function eventName(type: string): string {
  const parts = type.split('.');
  return (parts.length >= 3 ? parts[parts.length - 2] : type).replace(/-/g, ' ');
}

const statusWords: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'being tried',
  DELIVERED: 'delivered',
  FAILED: 'given up',
};

/** The receiver's last answer in words: its status code, or why there was none. */
export function lastAnswer(delivery: WebhookDelivery): string {
  if (delivery.lastStatusCode !== null) {
    return 'answered ' + delivery.lastStatusCode;
  }
  return delivery.lastError ?? (delivery.attempts === 0 ? 'not sent yet' : 'no answer');
}

/**
 * The webhooks of one service at a time (each service sends the events it publishes): subscribe a URL to event types
 * (the secret is shown once, then never again), see the subscriptions, deactivate one, and see a subscription's
 * deliveries by status, sending one given up on (or every one) again. Times are on the clinic's clock.
 */
export function WebhooksSection(props: { zone: string }) {
  const [service, setService] = useState<Service>('scheduling');
  const [types, setTypes] = useState<string[]>([]);
  const [subscriptions, setSubscriptions] = useState<WebhookSubscription[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedWebhookSubscription | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const form = useFormState({ url: '' });
  // the read last started: an earlier one answering late (another service) is dropped
  const reading = useRef(0);

  const load = async (which: Service) => {
    const mine = ++reading.current;
    try {
      const [known, listed] = await Promise.all([adminApi.webhookEventTypes(which), adminApi.webhooks(which)]);
      if (mine === reading.current) {
        setTypes(known);
        setSubscriptions(listed);
        setFailure(null);
      }
    } catch (error) {
      if (mine === reading.current) {
        setSubscriptions(null);
        setFailure(error);
      }
    }
  };
  useEffect(() => {
    setCreated(null);
    setChosen([]);
    setOpen(null);
    form.setError(null);
    load(service);
  }, [service]);

  const typeError =
    form.errors.eventTypes ?? Object.entries(form.errors).find(([field]) => field.startsWith('eventTypes['))?.[1];
  const toggle = (type: string, on: boolean) =>
    setChosen((current) => (on ? [...current.filter((t) => t !== type), type] : current.filter((t) => t !== type)));

  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p class="muted">
        Other systems get a service's events sent to their address, each signed with their subscription's own secret.
        A delivery that fails is tried again with growing pauses; one given up on can be sent again here.
      </p>
      <SelectField
        id="webhooks-service"
        label="Events of"
        value={service}
        onValue={(value) => setService(value as Service)}
        options={SERVICES.map((s) => ({ value: s.key, label: s.label }))}
      />
      {failure ? <ProblemView error={failure} id="webhooks-error" /> : null}
      <AdminForm
        id="webhook-subscribe"
        label="Subscribe a URL"
        busy={form.busy}
        error={form.error}
        submit="Subscribe"
        onSubmit={() =>
          form.run(async () => {
            if (chosen.length === 0) {
              throw fieldRefusal('eventTypes', 'Pick at least one event type.');
            }
            const made = await adminApi.subscribeWebhook(service, form.values.url.trim(), chosen);
            setCreated(made);
            form.setValues({ url: '' });
            setChosen([]);
            await load(service);
          })
        }
        problem={
          <FormProblem
            id="webhook-subscribe-problem"
            error={form.error}
            fields={['url', 'eventTypes', ...chosen.map((_, i) => `eventTypes[${i}]`)]}
          />
        }
      >
        <Field
          id="webhook-url"
          label="URL"
          type="url"
          required
          value={form.values.url}
          onValue={form.set('url')}
          error={form.errors.url}
          hint="The receiving system's address, https://…"
        />
        <fieldset
          class="field"
          id="webhook-types"
          aria-invalid={typeError ? 'true' : undefined}
          aria-describedby={typeError ? 'webhook-types-error' : undefined}
        >
          <legend>Event types</legend>
          {types.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                name="webhook-type"
                value={type}
                checked={chosen.includes(type)}
                onChange={(e) => toggle(type, (e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {eventName(type)} <span class="muted">{type}</span>
            </label>
          ))}
          {typeError && (
            <span class="field-error" id="webhook-types-error">
              {typeError}
            </span>
          )}
        </fieldset>
      </AdminForm>
      {created && (
        <div class="result" role="status" id="webhook-secret">
          <p>
            Subscribed {created.url}. Its signing secret is shown only now: give it to the receiving system, which checks
            every delivery's signature with it.
          </p>
          <p>
            <code>{created.secret}</code>
          </p>
        </div>
      )}
      {subscriptions !== null && subscriptions.length === 0 && (
        <p id="webhooks-none" class="muted">
          No subscriptions to this service's events.
        </p>
      )}
      {subscriptions !== null && subscriptions.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Webhook subscriptions, scrollable">
          <table id="webhooks">
            <caption class="visually-hidden">Subscriptions to this service's events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Since ({zoneLabel(props.zone)})</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.map((s) => (
                <tr key={s.id} id={'webhook-' + s.id}>
                  <td>{s.url}</td>
                  <td>{s.eventTypes.map(eventName).join(', ')}</td>
                  <td>
                    <time dateTime={s.createdAt}>{whenOn(s.createdAt, props.zone)}</time>
                    <div class="muted">by {s.createdBy}</div>
                  </td>
                  <td>{s.active ? 'active' : `deactivated by ${s.deactivatedBy ?? '?'}`}</td>
                  <td class="actions">
                    <button
                      type="button"
                      class="secondary"
                      id={'webhook-' + s.id + '-deliveries'}
                      aria-expanded={open === s.id ? 'true' : 'false'}
                      onClick={() => setOpen(open === s.id ? null : s.id)}
                    >
                      Deliveries
                    </button>
                    {s.active && (
                      <ConfirmButton
                        id={'webhook-' + s.id + '-deactivate'}
                        label="Deactivate"
                        question={`Stop sending to ${s.url}? What it still waits for is given up.`}
                        confirm="Deactivate"
                        onConfirm={async () => {
                          await adminApi.deactivateWebhook(service, s);
                          await load(service);
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {subscriptions
        ?.filter((s) => s.id === open)
        .map((s) => <Deliveries key={s.id} service={service} subscription={s} zone={props.zone} />)}
    </section>
  );
}

/** A subscription's newest deliveries, of one status or all, each failed or delivered one with "Send again". */
function Deliveries(props: { service: Service; subscription: WebhookSubscription; zone: string }) {
  const { service, subscription, zone } = props;
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [said, setSaid] = useState<string | null>(null);
  const reading = useRef(0);

  const load = async () => {
    const mine = ++reading.current;
    try {
      const listed = await adminApi.webhookDeliveries(service, subscription, status);
      if (mine === reading.current) {
        setDeliveries(listed);
        setFailure(null);
      }
    } catch (error) {
      if (mine === reading.current) {
        setFailure(error);
      }
    }
  };
  useEffect(() => {
    load();
  }, [status]);

  return (
    <div id="webhook-deliveries" aria-label={'Deliveries to ' + subscription.url} role="region">
      <h3>Deliveries to {subscription.url}</h3>
      <SelectField
        id="webhook-deliveries-status"
        label="Show"
        value={status}
        onValue={(value) => setStatus(value as WebhookDeliveryStatus | '')}
        options={[
          { value: '', label: 'all' },
          { value: 'PENDING', label: 'being tried' },
          { value: 'DELIVERED', label: 'delivered' },
          { value: 'FAILED', label: 'given up' },
        ]}
      />
      {subscription.active && (
        <ConfirmButton
          id="webhook-replay-failed"
          label="Send every given-up one again"
          question="Send every delivery given up on again, with a fresh set of attempts?"
          confirm="Send again"
          onConfirm={async () => {
            const done = await adminApi.replayFailedWebhookDeliveries(service, subscription);
            setSaid(done.replayed === 1 ? '1 delivery is being sent again.' : `${done.replayed} deliveries are being sent again.`);
            await load();
          }}
        />
      )}
      {said && (
        <p class="result" role="status" id="webhook-deliveries-said">
          {said}
        </p>
      )}
      {failure ? <ProblemView error={failure} id="webhook-deliveries-error" /> : null}
      {deliveries !== null && deliveries.length === 0 && (
        <p class="muted" id="webhook-deliveries-none">
          No deliveries{status ? ' ' + statusWords[status] : ''}.
        </p>
      )}
      {deliveries !== null && deliveries.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Deliveries, scrollable">
          <table id="webhook-deliveries-table">
            <caption class="visually-hidden">Deliveries of this subscription, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Patient</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Next try or delivered ({zoneLabel(zone)})</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} id={'webhook-delivery-' + d.id}>
                  <td>
                    {eventName(d.eventType)}
                    <div class="muted">{d.eventId}</div>
                  </td>
                  <td>{d.subject}</td>
                  <td>{statusWords[d.status]}</td>
                  <td>
                    {d.attempts}
                    {d.replays > 0 && <div class="muted">sent again by {d.lastReplayedBy}</div>}
                  </td>
                  <td>{lastAnswer(d)}</td>
                  <td>
                    {d.status === 'PENDING' && <time dateTime={d.nextAttemptAt}>{whenOn(d.nextAttemptAt, zone)}</time>}
                    {d.status === 'DELIVERED' && d.deliveredAt && (
                      <time dateTime={d.deliveredAt}>{whenOn(d.deliveredAt, zone)}</time>
                    )}
                  </td>
                  <td class="actions">
                    {d.status !== 'PENDING' && subscription.active && (
                      <ConfirmButton
                        id={'webhook-delivery-' + d.id + '-replay'}
                        label="Send again"
                        question={`Send this ${eventName(d.eventType)} to ${subscription.url} again?`}
                        confirm="Send again"
                        onConfirm={async () => {
                          await adminApi.replayWebhookDelivery(service, d);
                          setSaid(`The ${eventName(d.eventType)} is being sent again.`);
                          await load();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
