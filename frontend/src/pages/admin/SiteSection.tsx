import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { timeZones } from './clock';
import type { Room, Site } from './types';
import { AdminForm, Field, FormProblem, History, SelectField, useFormState } from './ui';

/** "Keep the clinic's zone" is the empty choice: the site then follows clinic.scheduling.time-zone. */
function zoneOptions(current?: string) {
  return [
    { value: '', label: "The clinic's time zone (setting)" },
    ...timeZones(current).map((zone) => ({ value: zone, label: zone })),
  ];
}

/** The chosen site (its name and time zone), its rooms, and a new site. */
export function SiteSection(props: { site: Site | null; onSite: (chosen?: string) => void }) {
  const { site } = props;
  return (
    <>
      {site && <SiteForm key={site.id + ':' + site.version} site={site} onSite={props.onSite} />}
      {site && <Rooms key={site.id} site={site} />}
      <NewSite onSite={props.onSite} />
    </>
  );
}

function SiteForm(props: { site: Site; onSite: (chosen?: string) => void }) {
  const { site } = props;
  const form = useFormState({ name: site.name, timeZone: site.timeZoneSource === 'site' ? site.timeZone : '' });
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading">{site.name}</h2>
      <p class="muted">
        Keeps time in {zoneLabel(site.timeZone)} ({site.timeZone}
        {site.timeZoneSource === 'clinic-settings' ? ", the clinic's setting" : ''}): its hours, closures, rota and
        bookings are read on this clock. Version {site.version}.
      </p>
      <AdminForm
        id="site-form"
        label={'Change ' + site.name}
        submit="Save site"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            const changed = await adminApi.changeSite(site, form.values.name, form.values.timeZone);
            setSaved(true);
            props.onSite(changed.id);
          })
        }
        problem={
          <FormProblem id="site-form-problem" error={form.error} fields={['name', 'timeZone']} onReload={() => props.onSite(site.id)} />
        }
      >
        <Field id="site-name" label="Name" value={form.values.name} onValue={form.set('name')} error={form.errors.name} required />
        <SelectField
          id="site-zone"
          label="Time zone"
          value={form.values.timeZone}
          onValue={form.set('timeZone')}
          options={zoneOptions(site.timeZoneSource === 'site' ? site.timeZone : undefined)}
          error={form.errors.timeZone}
          hint="Cannot change while bookings at the site lie ahead."
        />
      </AdminForm>
      {saved && !form.error && (
        <p class="result" role="status">
          Saved.
        </p>
      )}
      <History id="site-history" path={'/sites/' + site.id} zone={site.timeZone} label={site.name} />
    </section>
  );
}

function NewSite(props: { onSite: (chosen?: string) => void }) {
  const form = useFormState({ name: '', timeZone: '' });
  return (
    <section aria-labelledby="new-site-heading">
      <h2 id="new-site-heading">Add a site</h2>
      <AdminForm
        id="new-site-form"
        label="Add a site"
        submit="Add site"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            const created = await adminApi.createSite(form.values.name, form.values.timeZone);
            form.setValues({ name: '', timeZone: '' });
            props.onSite(created.id);
          })
        }
        problem={<FormProblem id="new-site-form-problem" error={form.error} fields={['name', 'timeZone']} />}
      >
        <Field id="new-site-name" label="Name" value={form.values.name} onValue={form.set('name')} error={form.errors.name} required />
        <SelectField
          id="new-site-zone"
          label="Time zone"
          value={form.values.timeZone}
          onValue={form.set('timeZone')}
          options={zoneOptions()}
          error={form.errors.timeZone}
        />
      </AdminForm>
    </section>
  );
}

function Rooms(props: { site: Site }) {
  const { site } = props;
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    adminApi.rooms(site.id).then(
      (found) => {
        setRooms(found);
        setError(null);
      },
      setError,
    );
  useEffect(() => {
    load();
  }, [site.id]);
  const form = useFormState({ name: '' });
  return (
    <section aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Rooms</h2>
      <ProblemView error={error} />
      {rooms && rooms.length === 0 && <p class="muted">No rooms yet: chairs stand in a room, so add one first.</p>}
      {rooms && rooms.length > 0 && (
        <table id="rooms">
          <thead>
            <tr>
              <th scope="col">Room</th>
              <th scope="col">Version</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rooms.map((room) => (
              <RoomRow key={room.id + ':' + room.version} room={room} zone={site.timeZone} onChanged={load} />
            ))}
          </tbody>
        </table>
      )}
      <AdminForm
        id="room-form"
        label="Add a room"
        submit="Add room"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            await adminApi.createRoom(site.id, form.values.name);
            form.setValues({ name: '' });
            await load();
          })
        }
        problem={<FormProblem id="room-form-problem" error={form.error} fields={['name']} />}
      >
        <Field id="room-name" label="New room" value={form.values.name} onValue={form.set('name')} error={form.errors.name} required />
      </AdminForm>
    </section>
  );
}

function RoomRow(props: { room: Room; zone: string; onChanged: () => Promise<void> }) {
  const { room } = props;
  const [editing, setEditing] = useState(false);
  const form = useFormState({ name: room.name });
  return (
    <tr data-room-id={room.id}>
      <td>
        {editing ? (
          <AdminForm
            id={'room-rename-' + room.id}
            label={'Rename ' + room.name}
            submit="Save name"
            busy={form.busy}
            error={form.error}
            onSubmit={() =>
              form.run(async () => {
                await adminApi.renameRoom(room, form.values.name);
                setEditing(false);
                await props.onChanged();
              })
            }
            problem={
              <FormProblem
                id={'room-rename-' + room.id + '-problem'}
                error={form.error}
                fields={['name']}
                onReload={() => props.onChanged()}
              />
            }
          >
            <Field
              id={'room-rename-' + room.id + '-name'}
              label={'New name for ' + room.name}
              value={form.values.name}
              onValue={form.set('name')}
              error={form.errors.name}
            />
          </AdminForm>
        ) : (
          room.name
        )}
      </td>
      <td>{room.version}</td>
      <td class="actions">
        {!editing && (
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
            Rename<span class="visually-hidden"> {room.name}</span>
          </button>
        )}
        <History id={'room-history-' + room.id} path={'/rooms/' + room.id} zone={props.zone} label={room.name} />
      </td>
    </tr>
  );
}
