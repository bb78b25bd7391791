import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api';
import { whenOn } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { adminApi } from './adminApi';
import { describeSnapshot, fieldErrors, isStale } from './forms';
import type { Revision } from './types';

/**
 * The admin page's form parts: every control has its label, an error shows next to its field in the form's words
 * (linked with aria-describedby and marked aria-invalid), a refusal that is no field's shows above the buttons, a
 * stale version is said in words with a reload, and a removal asks first.
 */

export function Field(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  min?: string;
}) {
  const { id, label, value, onValue, error, hint, type, ...rest } = props;
  const described = [hint ? id + '-hint' : '', error ? id + '-error' : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        {...rest}
        id={id}
        name={id}
        type={type ?? 'text'}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <span class="field-hint" id={id + '-hint'}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={id + '-error'}>
          {error}
        </span>
      )}
    </div>
  );
}

export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  hint?: string;
}) {
  const { id, label, value, onValue, options, error, hint } = props;
  const described = [hint ? id + '-hint' : '', error ? id + '-error' : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <span class="field-hint" id={id + '-hint'}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={id + '-error'}>
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * What went wrong with a form, above its buttons: a stale version in words with a reload button, a refusal in the
 * service's words, or, when every error is shown at its field, a pointer to them.
 */
export function FormProblem(props: {
  id: string;
  error: unknown;
  fields: string[];
  onReload?: () => void;
  /** The field errors as the form shows them, when it names fields otherwise than the service. */
  errors?: Record<string, string>;
}) {
  const { error, fields } = props;
  if (!error) {
    return null;
  }
  if (isStale(error)) {
    return (
      <div class="problem" role="alert" id={props.id}>
        <p>
          <strong>Someone changed this since you opened it.</strong>
        </p>
        <p>Nothing was saved. Reload to see the current version, then make your change again.</p>
        {props.onReload && (
          <button type="button" class="secondary" id={props.id + '-reload'} onClick={props.onReload}>
            Reload
          </button>
        )}
      </div>
    );
  }
  const errors = props.errors ?? fieldErrors(error);
  const elsewhere = Object.entries(errors).filter(([field]) => !fields.includes(field));
  if (Object.keys(errors).length > 0 && elsewhere.length === 0) {
    return (
      <div class="problem" role="alert" id={props.id}>
        <p>
          <strong>Not saved: check the field{Object.keys(errors).length > 1 ? 's' : ''} marked below.</strong>
        </p>
      </div>
    );
  }
  const problem = error instanceof ApiError ? error.problem : { title: String(error) };
  return (
    <div class="problem" role="alert" id={props.id}>
      <p>
        <strong>{problem.title ?? 'Something went wrong'}</strong>
      </p>
      {problem.detail && elsewhere.length === 0 && <p>{problem.detail}</p>}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A form that sends once at a time; after a refusal the focus goes to the first field marked wrong (or to the
 * message when no field is), so a keyboard or screen-reader user lands where the fix is.
 */
export function AdminForm(props: {
  id: string;
  label: string;
  onSubmit: () => Promise<void>;
  error: unknown;
  busy: boolean;
  submit: string;
  children: ComponentChildren;
  problem: ComponentChildren;
}) {
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (!props.error || !form.current) {
      return;
    }
    const target =
      form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current.querySelector<HTMLElement>('[role="alert"]');
    if (target) {
      if (!target.hasAttribute('tabindex') && target.getAttribute('role') === 'alert') {
        target.setAttribute('tabindex', '-1');
      }
      target.focus();
    }
  }, [props.error]);
  return (
    <form
      id={props.id}
      ref={form}
      aria-label={props.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.busy) {
          props.onSubmit();
        }
      }}
    >
      <div class="row">{props.children}</div>
      {props.problem}
      <button type="submit" id={props.id + '-submit'} disabled={props.busy}>
        {props.submit}
      </button>
    </form>
  );
}

/** A form's state: its values, the last refusal, whether it is sending; {@code run} sends and keeps the refusal. */
export function useFormState<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return {
    values,
    set: (name: keyof T) => (value: string) => setValues((current) => ({ ...current, [name]: value })),
    setValues,
    error,
    setError,
    errors: fieldErrors(error),
    busy,
    async run(action: () => Promise<void>) {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
  };
}

/**
 * A button that asks before it removes or takes something away: the question replaces it, with the focus on the
 * confirming button, and "Keep" puts everything back as it was.
 */
export function ConfirmButton(props: {
  id: string;
  label: string;
  question: string;
  confirm: string;
  onConfirm: () => Promise<void>;
  /** Offered when the refusal is a stale version. */
  onReload?: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (asking) {
      yes.current?.focus();
    }
  }, [asking]);
  if (!asking) {
    return (
      <>
        <button type="button" class="secondary" id={props.id} ref={opener} onClick={() => setAsking(true)}>
          {props.label}
        </button>
        {error ? <FormProblem id={props.id + '-problem'} error={error} fields={[]} onReload={props.onReload} /> : null}
      </>
    );
  }
  return (
    <span class="confirm" role="group" aria-labelledby={props.id + '-question'}>
      <span id={props.id + '-question'}>{props.question}</span>{' '}
      <button
        type="button"
        class="danger"
        id={props.id + '-confirm'}
        ref={yes}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await props.onConfirm();
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {props.confirm}
      </button>{' '}
      <button type="button" class="secondary" id={props.id + '-keep'} onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

/**
 * A resource's versions on demand: who changed what and when (on the site's clock), each version's state in words.
 * {@code path} is the resource's address under /api/scheduling.
 */
export function History(props: { id: string; path: string; zone: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    try {
      setRevisions(await adminApi.revisions(props.path));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div class="history">
      <button
        type="button"
        class="link"
        id={props.id}
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={props.id + '-versions'}
        onClick={toggle}
      >
        {open ? 'Hide history' : 'History'}
        <span class="visually-hidden"> of {props.label}</span>
      </button>
      <div id={props.id + '-versions'} hidden={!open}>
        {open && error ? <FormProblem id={props.id + '-problem'} error={error} fields={[]} /> : null}
        {open && revisions && revisions.length === 0 && <p class="muted">No changes recorded (set up with the clinic).</p>}
        {open && revisions && revisions.length > 0 && (
          <table class="versions">
            <caption class="visually-hidden">Versions of {props.label}, times in {zoneLabel(props.zone)}</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Change</th>
                <th scope="col">By</th>
                <th scope="col">When ({zoneLabel(props.zone)})</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.version}>
                  <td>{r.version}</td>
                  <td>{r.change}</td>
                  <td>{r.changedBy}</td>
                  <td>{whenOn(r.changedAt, props.zone)}</td>
                  <td>{describeSnapshot(r.snapshot)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** Dates from and to (both included) for the lists of dated things, chosen with date pickers. */
export function DateRange(props: {
  id: string;
  from: string;
  to: string;
  zone: string;
  onChange: (from: string, to: string) => void;
}) {
  return (
    <div class="row range" role="group" aria-label="Dates shown">
      <Field
        id={props.id + '-from'}
        type="date"
        label={`Shown from (${zoneLabel(props.zone)})`}
        value={props.from}
        onValue={(from) => from && props.onChange(from, props.to < from ? from : props.to)}
      />
      <Field
        id={props.id + '-to'}
        type="date"
        label="to"
        min={props.from}
        value={props.to}
        onValue={(to) => to && props.onChange(props.from, to)}
      />
    </div>
  );
}
