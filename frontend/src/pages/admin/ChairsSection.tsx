import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { adminApi } from './adminApi';
import { attributeList } from './forms';
import type { Chair, Room, Site } from './types';
import { AdminForm, ConfirmButton, Field, FormProblem, History, SelectField, useFormState } from './ui';

/** The site's chairs, in service or not: add one to a room, change it, take it out of service and back. */
export function ChairsSection(props: { site: Site }) {
  const { site } = props;
  const [chairs, setChairs] = useState<Chair[] | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      const [foundChairs, foundRooms] = await Promise.all([adminApi.chairs(site.id), adminApi.rooms(site.id)]);
      setChairs(foundChairs);
      setRooms(foundRooms);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    load();
  }, [site.id]);
  const form = useFormState({ roomId: '', name: '', attributes: '' });
  const roomId = form.values.roomId || rooms[0]?.id || '';
  return (
    <section aria-labelledby="chairs-heading">
      <h2 id="chairs-heading">Chairs at {site.name}</h2>
      <ProblemView error={error} />
      {chairs && chairs.length === 0 && <p class="muted">No chairs yet.</p>}
      {chairs && chairs.length > 0 && (
        <table id="chairs">
          <thead>
            <tr>
              <th scope="col">Chair</th>
              <th scope="col">Room</th>
              <th scope="col">Attributes</th>
              <th scope="col">Service</th>
              <th scope="col">Version</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chairs.map((chair) => (
              <ChairRow key={chair.id + ':' + chair.version} chair={chair} rooms={rooms} zone={site.timeZone} onChanged={load} />
            ))}
          </tbody>
        </table>
      )}
      <h3>Add a chair</h3>
      {rooms.length === 0 ? (
        <p class="muted">Add a room under “Site and rooms” first: a chair stands in a room.</p>
      ) : (
        <AdminForm
          id="chair-form"
          label="Add a chair"
          submit="Add chair"
          busy={form.busy}
          error={form.error}
          onSubmit={() =>
            form.run(async () => {
              await adminApi.createChair(roomId, form.values.name, attributeList(form.values.attributes));
              form.setValues({ roomId, name: '', attributes: '' });
              await load();
            })
          }
          problem={<FormProblem id="chair-form-problem" error={form.error} fields={['name', 'attributes', 'roomId']} />}
        >
          <SelectField
            id="chair-room"
            label="Room"
            value={roomId}
            onValue={form.set('roomId')}
            options={rooms.map((room) => ({ value: room.id, label: room.name }))}
            error={form.errors.roomId}
          />
          <Field id="chair-name" label="Name" value={form.values.name} onValue={form.set('name')} error={form.errors.name} required />
          <Field
            id="chair-attributes"
            label="Attributes"
            value={form.values.attributes}
            onValue={form.set('attributes')}
            error={form.errors.attributes}
            hint="Separated by commas, e.g. recliner, monitor"
          />
        </AdminForm>
      )}
    </section>
  );
}

function ChairRow(props: { chair: Chair; rooms: Room[]; zone: string; onChanged: () => Promise<void> }) {
  const { chair } = props;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useFormState({ name: chair.name, attributes: chair.attributes.join(', '), roomId: chair.roomId });
  const prefix = 'chair-' + chair.id;
  return (
    <tr data-chair-id={chair.id} class={chair.active ? undefined : 'inactive'}>
      <td>
        {editing ? (
          <AdminForm
            id={prefix + '-edit'}
            label={'Change ' + chair.name}
            submit="Save chair"
            busy={form.busy}
            error={form.error}
            onSubmit={() =>
              form.run(async () => {
                await adminApi.changeChair(chair, form.values.name, attributeList(form.values.attributes), form.values.roomId);
                setEditing(false);
                await props.onChanged();
              })
            }
            problem={
              <FormProblem
                id={prefix + '-edit-problem'}
                error={form.error}
                fields={['name', 'attributes', 'roomId']}
                onReload={() => props.onChanged()}
              />
            }
          >
            <Field id={prefix + '-name'} label="Name" value={form.values.name} onValue={form.set('name')} error={form.errors.name} />
            <Field
              id={prefix + '-attributes'}
              label="Attributes"
              value={form.values.attributes}
              onValue={form.set('attributes')}
              error={form.errors.attributes}
              hint="Separated by commas"
            />
            <SelectField
              id={prefix + '-room'}
              label="Room"
              value={form.values.roomId}
              onValue={form.set('roomId')}
              options={props.rooms.map((room) => ({ value: room.id, label: room.name }))}
              error={form.errors.roomId}
            />
          </AdminForm>
        ) : (
          chair.name
        )}
      </td>
      <td>{chair.room}</td>
      <td>{chair.attributes.length > 0 ? chair.attributes.join(', ') : <span class="muted">none</span>}</td>
      <td>{chair.active ? 'in service' : <strong>out of service</strong>}</td>
      <td>{chair.version}</td>
      <td class="actions">
        {!editing && (
          <button type="button" class="secondary" id={prefix + '-change'} onClick={() => setEditing(true)}>
            Change<span class="visually-hidden"> {chair.name}</span>
          </button>
        )}
        {chair.active ? (
          <ConfirmButton
            id={prefix + '-out'}
            label="Take out of service"
            question={`Take ${chair.name} out of service? No new bookings; booked ones stay.`}
            confirm="Take out"
            onReload={() => props.onChanged()}
            onConfirm={async () => {
              await adminApi.takeOutOfService(chair);
              await props.onChanged();
            }}
          />
        ) : (
          <button
            type="button"
            class="secondary"
            id={prefix + '-in'}
            onClick={async () => {
              try {
                await adminApi.putBackIntoService(chair);
                await props.onChanged();
              } catch (failure) {
                setError(failure);
              }
            }}
          >
            Put back into service
          </button>
        )}
        <History id={prefix + '-history'} path={'/chairs/' + chair.id} zone={props.zone} label={chair.name} />
        <FormProblem id={prefix + '-problem'} error={error} fields={[]} onReload={() => props.onChanged()} />
      </td>
    </tr>
  );
}
