import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { formatDay, formatTime, zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { addDays, zonedDate, zonedInstant } from './clock';
import { fieldRefusal } from './forms';
import type { ConsultationSlot, Room, Site } from './types';
import { AdminForm, ConfirmButton, DateRange, Field, FormProblem, History, SelectField, useFormState } from './ui';

/** Clinicians' consultation slots at the site, in a room or not; a clinician's slots never overlap (anywhere). */
export function ConsultationsSection(props: { site: Site; today: string }) {
  const { site } = props;
  const zone = zoneLabel(site.timeZone);
  const [from, setFrom] = useState(props.today);
  const [to, setTo] = useState(addDays(props.today, 27));
  const [slots, setSlots] = useState<ConsultationSlot[] | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    try {
      const [foundSlots, foundRooms] = await Promise.all([adminApi.slots(site.id, from, to), adminApi.rooms(site.id)]);
      setSlots(foundSlots);
      setRooms(foundRooms);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    load();
  }, [site.id, from, to]);
  const roomName = (id: string | null) => rooms.find((room) => room.id === id)?.name ?? '—';
  const blank = { clinician: '', roomId: '', date: from, start: '09:00', end: '10:00' };
  const form = useFormState(blank);
  return (
    <section aria-labelledby="slots-heading">
      <h2 id="slots-heading">Consultation slots at {site.name}</h2>
      <p class="muted">Times on {zone} time.</p>
      <DateRange
        id="slots-range"
        from={from}
        to={to}
        zone={site.timeZone}
        onChange={(f, t) => {
          setFrom(f);
          setTo(t);
        }}
      />
      <ProblemView error={error} />
      {slots && slots.length === 0 && <p class="muted">No consultation slots in these dates.</p>}
      {slots && slots.length > 0 && (
        <table id="slots">
          <thead>
            <tr>
              <th scope="col">Clinician</th>
              <th scope="col">Date</th>
              <th scope="col">Time ({zone})</th>
              <th scope="col">Room</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.id} data-slot-id={slot.id}>
                <td>{slot.clinician}</td>
                <td>{formatDay(zonedDate(slot.start, site.timeZone))}</td>
                <td>
                  {formatTime(slot.start, site.timeZone)}–{formatTime(slot.end, site.timeZone)}
                </td>
                <td>{roomName(slot.roomId)}</td>
                <td class="actions">
                  <ConfirmButton
                    id={'slot-remove-' + slot.id}
                    label="Remove"
                    question={`Remove ${slot.clinician}'s slot at ${formatTime(slot.start, site.timeZone)}?`}
                    confirm="Remove slot"
                    onReload={load}
                    onConfirm={async () => {
                      await adminApi.removeSlot(slot);
                      await load();
                    }}
                  />
                  <History
                    id={'slot-history-' + slot.id}
                    path={'/consultation-slots/' + slot.id}
                    zone={site.timeZone}
                    label={`${slot.clinician}'s slot`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Open a consultation slot</h3>
      <AdminForm
        id="slot-form"
        label="Open a consultation slot"
        submit="Open slot"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            const v = form.values;
            if (!v.date) {
              throw fieldRefusal('date', 'Choose the day of the slot.');
            }
            if (!v.start || !v.end || v.end <= v.start) {
              throw fieldRefusal('end', 'Must end after it starts, on the same day.');
            }
            await adminApi.addSlot(site.id, {
              clinician: v.clinician,
              roomId: v.roomId || null,
              start: zonedInstant(v.date, v.start, site.timeZone),
              end: zonedInstant(v.date, v.end, site.timeZone),
            });
            form.setValues(blank);
            await load();
          })
        }
        problem={<FormProblem id="slot-form-problem" error={form.error} fields={['clinician', 'roomId', 'date', 'start', 'end']} />}
      >
        <Field id="slot-clinician" label="Clinician" value={form.values.clinician} onValue={form.set('clinician')} error={form.errors.clinician} required />
        <SelectField
          id="slot-room"
          label="Room"
          value={form.values.roomId}
          onValue={form.set('roomId')}
          options={[{ value: '', label: 'No room' }, ...rooms.map((room) => ({ value: room.id, label: room.name }))]}
          error={form.errors.roomId}
        />
        <Field id="slot-date" type="date" label={`Date (${zone})`} value={form.values.date} onValue={form.set('date')} error={form.errors.date} />
        <Field id="slot-start" type="time" label={`Starts (${zone})`} value={form.values.start} onValue={form.set('start')} error={form.errors.start} />
        <Field id="slot-end" type="time" label={`Ends (${zone})`} value={form.values.end} onValue={form.set('end')} error={form.errors.end} />
      </AdminForm>
    </section>
  );
}
