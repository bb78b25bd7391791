import { ApiError } from './api';

/** A form's errors by field path as the API names it ("referral.reason", "phq9[3]"), in the form's own words. */
export type FieldErrors = Record<string, string>;

/**
 * A validation message in the words of the form: the field's label and what is wrong with it, never the API's field
 * path or a framework's phrase. Sentences the services wrote for people (an instrument's "PHQ-9 item 3 must be 0 to
 * 3, got 7") pass unchanged.
 */
export function inWords(label: string, message: string): string {
  if (/must not be (blank|null|empty)/.test(message)) {
    return label + ' is required.';
  }
  if (/must be a (date in the past|past date)/.test(message)) {
    return label + ' must be a date in the past.';
  }
  if (/must be a date in the past or in the present/.test(message)) {
    return label + ' cannot be in the future.';
  }
  const size = /size must be between (\d+) and (\d+)/.exec(message);
  if (size) {
    return label + ' is too long: at most ' + size[2] + ' characters.';
  }
  if (/must be a well-formed email address/.test(message)) {
    return label + ' is not a valid e-mail address.';
  }
  if (/must match/.test(message) || /wrong type or format/.test(message)) {
    return label + ' is not in a form the clinic can read.';
  }
  return message;
}

/**
 * The field errors of a refusal, for the fields this form has ({@code labels}: the API's field path → the label on
 * the form); errors of other fields stay in {@link otherErrors}.
 */
export function fieldErrors(error: unknown, labels: Record<string, string>): FieldErrors {
  const found: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const e of error.problem.errors ?? []) {
      const label = labels[e.field];
      if (label !== undefined && !found[e.field]) {
        found[e.field] = inWords(label, e.message);
      }
    }
  }
  return found;
}

/** The messages of a refusal that belong to no field of the form. */
export function otherErrors(error: unknown, labels: Record<string, string>): string[] {
  if (!(error instanceof ApiError)) {
    return [];
  }
  return (error.problem.errors ?? []).filter((e) => labels[e.field] === undefined).map((e) => e.message);
}

/** The id of the message shown under a field, for aria-describedby. */
export function errorId(fieldId: string): string {
  return fieldId + '-error';
}

/** A service's message as a sentence of the page: "must not be blank" → "Must not be blank." */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) {
    return text;
  }
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : first + '.';
}
