import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { formatDay, formatTime, zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { addDays, zonedDate, zonedInstant } from './clock';
import { WEEKDAYS, fieldRefusal, hhmm, weekday } from './forms';
import type { Absence, ExtraShift, RotaEntry, Site } from './types';
import { AdminForm, ConfirmButton, DateRange, Field, FormProblem, History, SelectField, useFormState } from './ui';

/** Who is on shift at the site: the weekly rota, extra shifts, and absences (which apply at every site). */
export function NursesSection(props: { site: Site; today: string }) {
  const [from, setFrom] = useState(props.today);
  const [to, setTo] = useState(addDays(props.today, 27));
  return (
    <>
      <Rota site={props.site} today={props.today} />
      <DateRange
        id="nurses-range"
        from={from}
        to={to}
        zone={props.site.timeZone}
        onChange={(f, t) => {
          setFrom(f);
          setTo(t);
        }}
      />
      <Shifts site={props.site} from={from} to={to} />
      <Absences site={props.site} from={from} to={to} />
    </>
  );
}

function Rota(props: { site: Site; today: string }) {
  const { site } = props;
  const zone = zoneLabel(site.timeZone);
  const [entries, setEntries] = useState<RotaEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    adminApi.rota(site.id).then((found) => {
      setEntries(found);
      setError(null);
    }, setError);
  useEffect(() => {
    load();
  }, [site.id]);
  const blank = { nurse: '', dayOfWeek: '1', starts: '08:00', ends: '18:00', chairsWatched: '2', validFrom: props.today, validUntil: '' };
  const form = useFormState(blank);
  return (
    <section aria-labelledby="rota-heading">
      <h2 id="rota-heading">Weekly nurse rota</h2>
      <p class="muted">Each line repeats every week on its weekday, {zone} time; lines end on a date, they are never deleted.</p>
      <ProblemView error={error} />
      {entries && entries.length === 0 && <p class="muted">No nurse on the rota yet: nothing can be booked without one.</p>}
      {entries && entries.length > 0 && (
        <table id="rota">
          <thead>
            <tr>
              <th scope="col">Nurse</th>
              <th scope="col">Weekday</th>
              <th scope="col">Hours ({zone})</th>
              <th scope="col">Chairs watched</th>
              <th scope="col">Valid</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <RotaRow key={entry.id + ':' + entry.version} entry={entry} site={site} onChanged={load} />
            ))}
          </tbody>
        </table>
      )}
      <h3>Add a rota line</h3>
      <AdminForm
        id="rota-form"
        label="Add a rota line"
        submit="Add to rota"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            const v = form.values;
            await adminApi.addRotaEntry(site.id, {
              nurse: v.nurse,
              dayOfWeek: Number(v.dayOfWeek),
              starts: v.starts,
              ends: v.ends,
              chairsWatched: Number(v.chairsWatched),
              validFrom: v.validFrom,
              validUntil: v.validUntil || null,
            });
            form.setValues(blank);
            await load();
          })
        }
        problem={
          <FormProblem
            id="rota-form-problem"
            error={form.error}
            fields={['nurse', 'dayOfWeek', 'starts', 'ends', 'chairsWatched', 'validFrom', 'validUntil']}
          />
        }
      >
        <Field id="rota-nurse" label="Nurse" value={form.values.nurse} onValue={form.set('nurse')} error={form.errors.nurse} required />
        <SelectField
          id="rota-day"
          label="Weekday"
          value={form.values.dayOfWeek}
          onValue={form.set('dayOfWeek')}
          options={WEEKDAYS.map((name, i) => ({ value: String(i + 1), label: name }))}
          error={form.errors.dayOfWeek}
        />
        <Field id="rota-starts" type="time" label={`Starts (${zone})`} value={form.values.starts} onValue={form.set('starts')} error={form.errors.starts} />
        <Field id="rota-ends" type="time" label={`Ends (${zone})`} value={form.values.ends} onValue={form.set('ends')} error={form.errors.ends} />
        <Field
          id="rota-chairs"
          type="number"
          min="0"
          label="Chairs watched at once"
          value={form.values.chairsWatched}
          onValue={form.set('chairsWatched')}
          error={form.errors.chairsWatched}
        />
        <Field id="rota-from" type="date" label="Valid from" value={form.values.validFrom} onValue={form.set('validFrom')} error={form.errors.validFrom} />
        <Field
          id="rota-until"
          type="date"
          label="Valid until (optional)"
          value={form.values.validUntil}
          onValue={form.set('validUntil')}
          error={form.errors.validUntil}
        />
      </AdminForm>
    </section>
  );
}

function RotaRow(props: { entry: RotaEntry; site: Site; onChanged: () => Promise<void> }) {
  const { entry, site } = props;
  const [ending, setEnding] = useState(false);
  const form = useFormState({ validUntil: entry.validUntil ?? '' });
  const prefix = 'rota-' + entry.id;
  return (
    <tr data-rota-id={entry.id}>
      <td>{entry.nurse}</td>
      <td>{weekday(entry.dayOfWeek)}</td>
      <td>
        {hhmm(entry.starts)}–{hhmm(entry.ends)}
      </td>
      <td>{entry.chairsWatched}</td>
      <td>
        from {formatDay(entry.validFrom)}
        {entry.validUntil ? ' until ' + formatDay(entry.validUntil) : ', open-ended'}
      </td>
      <td class="actions">
        {ending ? (
          <AdminForm
            id={prefix + '-end'}
            label={`End ${entry.nurse}'s ${weekday(entry.dayOfWeek)} line`}
            submit="End line"
            busy={form.busy}
            error={form.error}
            onSubmit={() =>
              form.run(async () => {
                await adminApi.endRotaEntry(entry, form.values.validUntil);
                setEnding(false);
                await props.onChanged();
              })
            }
            problem={<FormProblem id={prefix + '-end-problem'} error={form.error} fields={['validUntil']} onReload={() => props.onChanged()} />}
          >
            <Field
              id={prefix + '-until'}
              type="date"
              label={`Last day (${zoneLabel(site.timeZone)})`}
              min={entry.validFrom}
              value={form.values.validUntil}
              onValue={form.set('validUntil')}
              error={form.errors.validUntil}
            />
          </AdminForm>
        ) : (
          <button type="button" class="secondary" id={prefix + '-ending'} onClick={() => setEnding(true)}>
            End<span class="visually-hidden"> {entry.nurse}'s {weekday(entry.dayOfWeek)} line</span>
          </button>
        )}
        <History id={prefix + '-history'} path={'/nurse-rota/' + entry.id} zone={site.timeZone} label={`${entry.nurse}'s rota line`} />
      </td>
    </tr>
  );
}

function Shifts(props: { site: Site; from: string; to: string }) {
  const { site, from, to } = props;
  const zone = zoneLabel(site.timeZone);
  const [shifts, setShifts] = useState<ExtraShift[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    adminApi.shifts(site.id, from, to).then((found) => {
      setShifts(found);
      setError(null);
    }, setError);
  useEffect(() => {
    load();
  }, [site.id, from, to]);
  const blank = { nurse: '', date: from, start: '08:00', end: '12:00', chairsWatched: '2' };
  const form = useFormState(blank);
  return (
    <section aria-labelledby="shifts-heading">
      <h2 id="shifts-heading">Extra shifts</h2>
      <p class="muted">Cover or an extra day outside the rota, {zone} time.</p>
      <ProblemView error={error} />
      {shifts && shifts.length === 0 && <p class="muted">No extra shifts in these dates.</p>}
      {shifts && shifts.length > 0 && (
        <table id="shifts">
          <thead>
            <tr>
              <th scope="col">Nurse</th>
              <th scope="col">Date</th>
              <th scope="col">Hours ({zone})</th>
              <th scope="col">Chairs watched</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((shift) => (
              <tr key={shift.id} data-shift-id={shift.id}>
                <td>{shift.nurse}</td>
                <td>{formatDay(zonedDate(shift.start, site.timeZone))}</td>
                <td>
                  {formatTime(shift.start, site.timeZone)}–{formatTime(shift.end, site.timeZone)}
                </td>
                <td>{shift.chairsWatched}</td>
                <td class="actions">
                  <ConfirmButton
                    id={'shift-remove-' + shift.id}
                    label="Remove"
                    question={`Remove ${shift.nurse}'s extra shift?`}
                    confirm="Remove shift"
                    onReload={load}
                    onConfirm={async () => {
                      await adminApi.removeShift(shift);
                      await load();
                    }}
                  />
                  <History id={'shift-history-' + shift.id} path={'/nurse-shifts/' + shift.id} zone={site.timeZone} label={`${shift.nurse}'s extra shift`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Add an extra shift</h3>
      <AdminForm
        id="shift-form"
        label="Add an extra shift"
        submit="Add shift"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            const v = form.values;
            if (!v.date) {
              throw fieldRefusal('date', 'Choose the day of the shift.');
            }
            if (!v.start || !v.end || v.end <= v.start) {
              throw fieldRefusal('end', 'Must end after it starts, on the same day.');
            }
            await adminApi.addShift(site.id, {
              nurse: v.nurse,
              start: zonedInstant(v.date, v.start, site.timeZone),
              end: zonedInstant(v.date, v.end, site.timeZone),
              chairsWatched: Number(v.chairsWatched),
            });
            form.setValues(blank);
            await load();
          })
        }
        problem={<FormProblem id="shift-form-problem" error={form.error} fields={['nurse', 'date', 'start', 'end', 'chairsWatched']} />}
      >
        <Field id="shift-nurse" label="Nurse" value={form.values.nurse} onValue={form.set('nurse')} error={form.errors.nurse} required />
        <Field id="shift-date" type="date" label={`Date (${zone})`} value={form.values.date} onValue={form.set('date')} error={form.errors.date} />
        <Field id="shift-start" type="time" label={`Starts (${zone})`} value={form.values.start} onValue={form.set('start')} error={form.errors.start} />
        <Field id="shift-end" type="time" label={`Ends (${zone})`} value={form.values.end} onValue={form.set('end')} error={form.errors.end} />
        <Field
          id="shift-chairs"
          type="number"
          min="0"
          label="Chairs watched at once"
          value={form.values.chairsWatched}
          onValue={form.set('chairsWatched')}
          error={form.errors.chairsWatched}
        />
      </AdminForm>
    </section>
  );
}

function Absences(props: { site: Site; from: string; to: string }) {
  const { site, from, to } = props;
  const [absences, setAbsences] = useState<Absence[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    adminApi.absences(from, to).then((found) => {
      setAbsences(found);
      setError(null);
    }, setError);
  useEffect(() => {
    load();
  }, [from, to]);
  const blank = { nurse: '', date: from, reason: '' };
  const form = useFormState(blank);
  return (
    <section aria-labelledby="absences-heading">
      <h2 id="absences-heading">Absences</h2>
      <p class="muted">A day a nurse is away: their rota shifts at every site are off that day (extra shifts stay).</p>
      <ProblemView error={error} />
      {absences && absences.length === 0 && <p class="muted">No absences in these dates.</p>}
      {absences && absences.length > 0 && (
        <table id="absences">
          <thead>
            <tr>
              <th scope="col">Nurse</th>
              <th scope="col">Date</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {absences.map((absence) => (
              <tr key={absence.id} data-absence-id={absence.id}>
                <td>{absence.nurse}</td>
                <td>{formatDay(absence.date)}</td>
                <td>{absence.reason}</td>
                <td class="actions">
                  <ConfirmButton
                    id={'absence-remove-' + absence.id}
                    label="Remove"
                    question={`Remove ${absence.nurse}'s absence on ${formatDay(absence.date)}?`}
                    confirm="Remove absence"
                    onReload={load}
                    onConfirm={async () => {
                      await adminApi.removeAbsence(absence);
                      await load();
                    }}
                  />
                  <History
                    id={'absence-history-' + absence.id}
                    path={'/nurse-absences/' + absence.id}
                    zone={site.timeZone}
                    label={`${absence.nurse}'s absence`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Record an absence</h3>
      <AdminForm
        id="absence-form"
        label="Record an absence"
        submit="Record absence"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            await adminApi.addAbsence(form.values.nurse, form.values.date, form.values.reason);
            form.setValues(blank);
            await load();
          })
        }
        problem={<FormProblem id="absence-form-problem" error={form.error} fields={['nurse', 'date', 'reason']} />}
      >
        <Field id="absence-nurse" label="Nurse" value={form.values.nurse} onValue={form.set('nurse')} error={form.errors.nurse} required />
        <Field id="absence-date" type="date" label="Date" value={form.values.date} onValue={form.set('date')} error={form.errors.date} />
        <Field id="absence-reason" label="Reason" value={form.values.reason} onValue={form.set('reason')} error={form.errors.reason} required />
      </AdminForm>
    </section>
  );
}
