import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { whenOn } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import type { CreatedClient, IntegrationClient } from './types';
import { AdminForm, ConfirmButton, Field, FormProblem, SelectField, useFormState } from './ui';

const AUTHENTICATIONS = [
  { value: 'client_secret', label: 'Client secret (shown once)' },
  { value: 'private_key_jwt', label: "Signed JWT (private_key_jwt) with the system's JWKS URL" },
];

/** "system/Appointment.rs" → "Appointment: read and search"; the words an administrator reads a scope by. */
export function scopeWords(scope: string): string {
  const match = /^system\/([^.]+)\.(.+)$/.exec(scope);
  if (!match) {
    return scope;
  }
  const [, type, permissions] = match;
  const what: Record<string, string> = {
    rs: 'read and search',
    read: 'read and search (SMART v1)',
    c: 'create',
    cu: 'create and change (hold, book)',
    write: 'write (SMART v1)',
  };
  return `${type === '*' ? 'Every resource' : type}: ${what[permissions] ?? permissions}`;
}

/**
 * Other systems' clients (Keycloak's, through the gateway): who has one, with which SMART scopes; give a system a
 * client with the scopes it needs and no more (its secret is shown once, here), and revoke one.
 */
export function IntegrationClientsSection(props: { zone: string }) {
  const [clients, setClients] = useState<IntegrationClient[] | null>(null);
  const [available, setAvailable] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const load = async () => {
    try {
      const listing = await adminApi.integrationClients();
      setClients(listing.clients);
      setAvailable(listing.availableScopes);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    load();
  }, []);
  return (
    <section aria-labelledby="clients-heading">
      <h2 id="clients-heading">Integration clients</h2>
      <p class="muted">
        Other clinic systems (the EHR, a referral network, billing) get FHIR tokens from Keycloak with a client of their
        own. Give each only the SMART scopes its work needs; revoke it when the link ends.
      </p>
      <ProblemView error={error} />
      {created && (
        <div class="result" role="status" id="client-created">
          <p>
            <strong>Client {created.clientId} created.</strong>
          </p>
          {created.secret ? (
            <p>
              Its secret, shown this once: <code id="client-secret">{created.secret}</code>. Give it to the system's
              administrator now; it cannot be shown again (revoke and create a new client if it is lost).
            </p>
          ) : (
            <p>It proves itself with a JWT signed by a key of its JWKS; there is no secret.</p>
          )}
        </div>
      )}
      {clients && clients.length === 0 && <p id="clients-none">No other system has a client yet.</p>}
      {clients && clients.length > 0 && (
        <table id="clients">
          <thead>
            <tr>
              <th>Client</th>
              <th>System</th>
              <th>Proves itself with</th>
              <th>Scopes</th>
              <th>Created ({zoneLabel(props.zone)})</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.clientId}>
                <td>
                  <code>{client.clientId}</code>
                </td>
                <td>{client.name}</td>
                <td>{client.authentication === 'private_key_jwt' ? `signed JWT (${client.jwksUrl})` : 'client secret'}</td>
                <td>
                  <ul>
                    {client.scopes.map((scope) => (
                      <li key={scope} title={scope}>
                        {scopeWords(scope)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {client.createdAt ? whenOn(client.createdAt, props.zone) : ''}
                  {client.createdBy ? ` by ${client.createdBy}` : ''}
                </td>
                <td>
                  <ConfirmButton
                    id={'revoke-' + client.clientId}
                    label="Revoke"
                    question={`Revoke ${client.clientId}? The system gets no new token; one it holds lapses within 5 minutes.`}
                    confirm="Revoke"
                    onConfirm={async () => {
                      await adminApi.revokeIntegrationClient(client.clientId);
                      setCreated(null);
                      await load();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {clients && (
        <NewClient
          available={available}
          onCreated={async (client) => {
            setCreated(client);
            await load();
          }}
        />
      )}
    </section>
  );
}

function NewClient(props: { available: string[]; onCreated: (client: CreatedClient) => Promise<void> }) {
  const form = useFormState({ name: '', authentication: 'client_secret', jwksUrl: '' });
  const [scopes, setScopes] = useState<string[]>([]);
  const jwt = form.values.authentication === 'private_key_jwt';
  const scopeError = Object.entries(form.errors).find(([field]) => field.startsWith('scopes'))?.[1];
  return (
    <AdminForm
      id="new-client"
      label="New integration client"
      submit="Create client"
      busy={form.busy}
      error={form.error}
      onSubmit={() =>
        form.run(async () => {
          const client = await adminApi.createIntegrationClient({
            name: form.values.name,
            authentication: form.values.authentication,
            scopes,
            ...(jwt ? { jwksUrl: form.values.jwksUrl } : {}),
          });
          form.setValues({ name: '', authentication: 'client_secret', jwksUrl: '' });
          setScopes([]);
          await props.onCreated(client);
        })
      }
      problem={<FormProblem id="new-client-problem" error={form.error} fields={['name', 'authentication', 'jwksUrl', 'scopes']} />}
    >
      <Field id="client-name" label="System" value={form.values.name} onValue={form.set('name')} error={form.errors['name']} required />
      <SelectField
        id="client-authentication"
        label="Proves itself with"
        value={form.values.authentication}
        onValue={form.set('authentication')}
        options={AUTHENTICATIONS}
        error={form.errors['authentication']}
      />
      {jwt && (
        <Field
          id="client-jwks"
          label="JWKS URL"
          type="url"
          value={form.values.jwksUrl}
          onValue={form.set('jwksUrl')}
          error={form.errors['jwksUrl']}
          hint="Where the system publishes its public keys (https)."
        />
      )}
      <fieldset id="client-scopes" aria-invalid={scopeError ? 'true' : undefined} aria-describedby={scopeError ? 'client-scopes-error' : undefined}>
        <legend>SMART scopes</legend>
        {props.available.map((scope) => (
          <label key={scope} class="check" title={scope}>
            <input
              type="checkbox"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
              }}
            />{' '}
            {scopeWords(scope)} <code>{scope}</code>
          </label>
        ))}
        {scopeError && (
          <span class="field-error" id="client-scopes-error">
            {scopeError}
          </span>
        )}
      </fieldset>
    </AdminForm>
  );
}
