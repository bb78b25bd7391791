import type { ComponentChildren } from 'preact';
import { ApiError } from '../../lib/api';

/**
 * Errors next to what they are about: the service's field errors (by {@code field}) go under their inputs in the
 * form's own words, and only what belongs to no field is shown above the form, so nothing shows twice.
 */

/** The service's message per field of a 400, plus the page's own checks. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) {
    return {};
  }
  return Object.fromEntries(error.problem.errors.map((e) => [e.field, e.message]));
}

/**
 * The part of a failure no field of the form shows: null when every field error has its place (the 400's detail
 * merely lists the fields in the service's words, so it is left out then).
 */
export function generalPart(error: unknown, fieldsShown: string[]): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors || error.problem.errors.length === 0) {
    return error;
  }
  const rest = error.problem.errors.filter((e) => !fieldsShown.includes(e.field));
  if (rest.length === 0) {
    return null;
  }
  return new ApiError(error.status, { ...error.problem, detail: undefined, errors: rest });
}

/** A labelled field with its error under it, tied to the input by aria-describedby and aria-invalid. */
export function Field(props: {
  id: string;
  label: string;
  error?: string | null;
  hint?: string;
  children: (described: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const errorId = props.id + '-error';
  const hintId = props.id + '-hint';
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        'aria-invalid': props.error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {props.hint && (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="field-error" id={errorId}>
          {props.error}
        </span>
      )}
    </div>
  );
}
