import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Problem } from '../../lib/api';
import type { Outcome } from './queue';

/** A chart entry as a form hands it to the page: the step (the path under the record), its body, its label. */
export interface EntryDraft {
  step: string;
  body: unknown;
  label: string;
  /** The entry replaces what the chart says: it names the record version it was made on. */
  versioned: boolean;
}

export type Submit = (draft: EntryDraft) => Promise<Outcome>;

/** Whether a field error the service named ({@code phq9Items[3]}) is about the form's field {@code field}. */
export function isAbout(errorField: string, field: string): boolean {
  return errorField === field || errorField.startsWith(field + '[') || errorField.startsWith(field + '.');
}

/** Bean validation's words as a form says them next to its field. */
export function friendly(message: string): string {
  const bound = message.match(/^must be (greater|less) than or equal to (-?[\d.]+)$/);
  if (bound) {
    return (bound[1] === 'greater' ? 'At least ' : 'At most ') + bound[2];
  }
  if (/^must not be (null|blank|empty)$/.test(message)) {
    return 'Required';
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The message next to a field, from the service's refusal. */
export function fieldError(problem: Problem | null, field: string): string | null {
  const found = problem?.errors?.filter((error) => isAbout(error.field, field)) ?? [];
  return found.length ? found.map((error) => friendly(error.message)).join('; ') : null;
}

/** The refusal a form gives itself for fields left empty, before anything is sent or kept. */
export function missing(fields: Record<string, unknown>): Problem | null {
  const errors = Object.entries(fields)
    .filter(([, value]) => value === null || value === undefined || value === '')
    .map(([field]) => ({ field, message: 'Required' }));
  return errors.length ? { title: 'Required fields are empty', errors } : null;
}

/** A form's sending of an entry: busy while it waits, the refusal to show, a word once it is kept or saved. */
export function useEntry(submit: Submit) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function send(draft: EntryDraft, accepted: () => void): Promise<Outcome> {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    const outcome = await submit(draft);
    setBusy(false);
    if (outcome.kind === 'saved') {
      accepted();
      setNotice('Saved.');
    } else if (outcome.kind === 'queued') {
      accepted();
      setNotice('Kept on this tablet: it is sent as soon as the clinic can be reached.');
    } else {
      setProblem(outcome.problem);
    }
    return outcome;
  }
  /** Shows a refusal the form found itself (empty fields), sending nothing. */
  function refuse(found: Problem) {
    setNotice(null);
    setProblem(found);
  }
  return { busy, problem, notice, send, refuse, error: (field: string) => fieldError(problem, field) };
}

/**
 * A refusal at the top of a form, in the form's words: what was not saved, why (each reason of the infusion rules,
 * the conflict), and the field errors that have no field of their own in the form (the others show next to theirs).
 */
export function FormProblem(props: { problem: Problem | null; fields: string[]; what: string; id: string }) {
  const { problem } = props;
  if (!problem) {
    return null;
  }
  const errors = problem.errors ?? [];
  const elsewhere = errors.filter((error) => !props.fields.some((field) => isAbout(error.field, field)));
  const reasons = problem.reasons ?? [];
  return (
    <div class="problem" role="alert" id={props.id}>
      <p>
        <strong>{problem.status === 403 ? 'Not allowed' : props.what}</strong>
      </p>
      {reasons.length > 0 ? (
        <ul>
          {reasons.map((reason) => (
            <li key={reason.reason} data-reason={reason.reason}>
              {reason.message}
            </li>
          ))}
        </ul>
      ) : errors.length === 0 ? (
        problem.detail && <p>{problem.detail}</p>
      ) : elsewhere.length > 0 ? (
        <ul>
          {elsewhere.map((error) => (
            <li key={error.field}>{friendly(error.message)}</li>
          ))}
        </ul>
      ) : (
        <p>See the field{errors.length > 1 ? 's' : ''} marked below.</p>
      )}
      {problem.reason === 'RECORD_CHANGED' && <p>The record below is as it is now.</p>}
    </div>
  );
}

/** What a form says once its entry is saved or kept. */
export function Notice(props: { text: string | null; id: string }) {
  return (
    <p class="notice" role="status" id={props.id}>
      {props.text}
    </p>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | null;
  hint?: ComponentChildren;
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? props.id + '-hint' : null, props.error ? props.id + '-error' : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extra(props: FieldProps) {
  return (
    <>
      {props.hint && (
        <span class="hint" id={props.id + '-hint'}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="field-error" id={props.id + '-error'}>
          {props.error}
        </span>
      )}
    </>
  );
}

export function InputField(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'number';
    step?: string;
    min?: string;
    max?: string;
    required?: boolean;
    inputMode?: 'decimal' | 'numeric' | 'text';
    autoComplete?: string;
  },
) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        step={props.step}
        min={props.min}
        max={props.max}
        required={props.required}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      <Extra {...props} />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onInput: (value: string) => void; required?: boolean }) {
  return (
    <div class="field wide">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.id}
        required={props.required}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
      />
      <Extra {...props} />
    </div>
  );
}

export function SelectField(
  props: FieldProps & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[] },
) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Extra {...props} />
    </div>
  );
}

export function CheckField(props: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="field check">
      <input
        id={props.id}
        name={props.id}
        type="checkbox"
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
      <Extra {...props} />
    </div>
  );
}

/** A number typed in a field, or null when it is empty or no number (the service then names the field). */
export function numberOf(text: string): number | null {
  if (text.trim() === '') {
    return null;
  }
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Text typed in a field, or null when blank. */
export function textOf(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}
