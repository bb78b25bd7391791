import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { formatDay, zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { addDays } from './clock';
import { type HoursRow, fieldErrors, hoursErrors, hoursRequest, hoursRows, weekday } from './forms';
import type { Closure, DayHours, Hours, Site } from './types';
import { AdminForm, ConfirmButton, Field, FormProblem, History, useFormState } from './ui';

/** When the site is open: its week's hours (or the clinic's) and its closure days. */
export function HoursSection(props: { site: Site; today: string }) {
  return (
    <>
      <WeekHours site={props.site} />
      <Closures site={props.site} today={props.today} />
    </>
  );
}

function WeekHours(props: { site: Site }) {
  const { site } = props;
  const [hours, setHours] = useState<Hours | null>(null);
  const [rows, setRows] = useState<HoursRow[]>([]);
  const [sent, setSent] = useState<DayHours[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const load = async () => {
    try {
      const found = await adminApi.hours(site.id);
      setHours(found);
      setRows(hoursRows(found));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  useEffect(() => {
    load();
  }, [site.id]);
  const errors = hoursErrors(fieldErrors(error), sent);
  const zone = zoneLabel(site.timeZone);
  const change = (day: number, patch: Partial<HoursRow>) =>
    setRows((current) => current.map((row) => (row.dayOfWeek === day ? { ...row, ...patch } : row)));
  const save = async (days: DayHours[]) => {
    if (!hours) {
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    setSent(days);
    try {
      const changed = await adminApi.replaceHours(site.id, days, hours.version);
      setHours(changed);
      setRows(hoursRows(changed));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const rowFields = rows.flatMap((row) => [`${row.dayOfWeek}.open`, `${row.dayOfWeek}.opens`, `${row.dayOfWeek}.closes`]);
  return (
    <section aria-labelledby="hours-heading">
      <h2 id="hours-heading">Opening hours</h2>
      {hours && (
        <p class="muted" id="hours-source">
          {hours.source === 'site'
            ? `${site.name}'s own hours, on ${zone} time. Version ${hours.version}.`
            : `${site.name} has no hours of its own: the clinic's hours apply, on ${zone} time.`}
        </p>
      )}
      {!hours && <ProblemView error={error} />}
      {hours && (
        <AdminForm
          id="hours-form"
          label="Opening hours"
          submit="Save hours"
          busy={busy}
          error={error}
          onSubmit={() => save(hoursRequest(rows))}
          problem={<FormProblem id="hours-form-problem" error={error} errors={errors} fields={rowFields} onReload={load} />}
        >
          <table class="hours">
            <caption class="visually-hidden">Opening hours per weekday, {zone} time</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Opens ({zone} time)</th>
                <th scope="col">Closes ({zone} time)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const id = 'hours-' + row.dayOfWeek;
                const name = weekday(row.dayOfWeek);
                return (
                  <tr key={row.dayOfWeek}>
                    <th scope="row">
                      <label class="check">
                        <input
                          type="checkbox"
                          id={id + '-open'}
                          checked={row.open}
                          onChange={(e) => {
                            const open = (e.currentTarget as HTMLInputElement).checked;
                            change(row.dayOfWeek, open && !row.opens ? { open, opens: '08:00', closes: '18:00' } : { open });
                          }}
                        />{' '}
                        Open on {name}
                      </label>
                    </th>
                    {(['opens', 'closes'] as const).map((part) => {
                      const message = errors[`${row.dayOfWeek}.${part}`];
                      return (
                        <td key={part}>
                          <input
                            type="time"
                            id={`${id}-${part}`}
                            aria-label={`${name} ${part} (${zone} time)`}
                            value={row[part]}
                            disabled={!row.open}
                            onInput={(e) => change(row.dayOfWeek, { [part]: (e.currentTarget as HTMLInputElement).value })}
                            aria-invalid={message ? 'true' : undefined}
                            aria-describedby={message ? `${id}-${part}-error` : undefined}
                          />
                          {message && (
                            <span class="field-error" id={`${id}-${part}-error`}>
                              {message}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </AdminForm>
      )}
      {saved && !error && (
        <p class="result" role="status">
          Hours saved.
        </p>
      )}
      {hours?.source === 'site' && (
        <ConfirmButton
          id="hours-clinic"
          label="Use the clinic's hours instead"
          question={`Drop ${site.name}'s own hours and follow the clinic's?`}
          confirm="Use the clinic's hours"
          onReload={load}
          onConfirm={() => save([])}
        />
      )}
      <History id="hours-history" path={'/sites/' + site.id + '/hours'} zone={site.timeZone} label="the opening hours" />
    </section>
  );
}

/** Closure days from today for a year ahead (the site's today), each removable after a question. */
function Closures(props: { site: Site; today: string }) {
  const { site, today } = props;
  const until = addDays(today, 365);
  const [closures, setClosures] = useState<Closure[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    adminApi.closures(site.id, today, until).then((found) => {
      setClosures(found);
      setError(null);
    }, setError);
  useEffect(() => {
    load();
  }, [site.id, today]);
  const form = useFormState({ date: '', reason: '' });
  return (
    <section aria-labelledby="closures-heading">
      <h2 id="closures-heading">Closure days</h2>
      <p class="muted">
        Whole days {site.name} is closed, from today ({formatDay(today)}) for a year; dates on {zoneLabel(site.timeZone)}{' '}
        time.
      </p>
      <ProblemView error={error} />
      {closures && closures.length === 0 && <p class="muted">No closure days ahead.</p>}
      {closures && closures.length > 0 && (
        <table id="closures">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {closures.map((closure) => (
              <tr key={closure.id} data-closure-id={closure.id}>
                <td>{formatDay(closure.date)}</td>
                <td>{closure.reason}</td>
                <td class="actions">
                  <ConfirmButton
                    id={'closure-remove-' + closure.id}
                    label="Remove"
                    question={`Open again on ${formatDay(closure.date)}?`}
                    confirm="Remove closure"
                    onReload={load}
                    onConfirm={async () => {
                      await adminApi.removeClosure(closure);
                      await load();
                    }}
                  />
                  <History
                    id={'closure-history-' + closure.id}
                    path={'/closures/' + closure.id}
                    zone={site.timeZone}
                    label={'the closure on ' + formatDay(closure.date)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AdminForm
        id="closure-form"
        label="Add a closure day"
        submit="Add closure"
        busy={form.busy}
        error={form.error}
        onSubmit={() =>
          form.run(async () => {
            await adminApi.addClosure(site.id, form.values.date, form.values.reason);
            form.setValues({ date: '', reason: '' });
            await load();
          })
        }
        problem={<FormProblem id="closure-form-problem" error={form.error} fields={['date', 'reason']} />}
      >
        <Field
          id="closure-date"
          type="date"
          label={`Date (${zoneLabel(site.timeZone)})`}
          min={today}
          value={form.values.date}
          onValue={form.set('date')}
          error={form.errors.date}
          required
        />
        <Field id="closure-reason" label="Reason" value={form.values.reason} onValue={form.set('reason')} error={form.errors.reason} required />
      </AdminForm>
    </section>
  );
}
