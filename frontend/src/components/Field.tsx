import type { ComponentChildren } from 'preact';
import { ApiError } from '../lib/api';
import { errorId, otherErrors } from '../lib/formErrors';

/**
 * A labelled form field with its error right under it, in the form's own words. The control inside names the
 * message with {@link describedBy} and marks itself invalid with {@link invalid}.
 */
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren;
  class?: string }) {
  return (
    <div class={'field' + (props.class ? ' ' + props.class : '')}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <small class="hint" id={props.id + '-hint'}>{props.hint}</small>}
      {props.error && (
        <p class="field-error" id={errorId(props.id)}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The attributes a control takes so that a screen reader reads its error and knows it is invalid. */
export function invalid(id: string, error?: string, hint?: boolean) {
  const describedBy = [error ? errorId(id) : null, hint ? id + '-hint' : null].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/**
 * What a refusal says that is not about a field shown on the form: its title, its detail when no field is named,
 * and the messages of fields the form does not have. Field errors themselves stand next to their fields.
 */
export function FormProblem(props: { error: unknown; labels: Record<string, string>; id?: string }) {
  const { error, labels } = props;
  if (!error) {
    return null;
  }
  const problem = error instanceof ApiError ? error.problem : { title: String(error) };
  const named = (problem.errors ?? []).length > 0;
  const others = otherErrors(error, labels);
  const onForm = named && others.length < (problem.errors ?? []).length;
  return (
    <div class="problem" role="alert" id={props.id}>
      <p>
        <strong>{onForm ? 'Please correct the fields marked below.' : problem.title ?? 'Something went wrong'}</strong>
      </p>
      {!named && problem.detail && <p>{problem.detail}</p>}
      {others.length > 0 && (
        <ul>
          {others.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
