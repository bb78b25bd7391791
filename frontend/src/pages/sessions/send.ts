import { type Problem, csrfToken } from '../../lib/api';
import type { ChartEntry, SendResult } from './queue';

/** The record version an answer names in its ETag ("7", W/"7"), or null. */
export function versionOf(etag: string | null): number | null {
  if (!etag) {
    return null;
  }
  const match = etag.match(/^(?:W\/)?"?(\d+)"?$/);
  return match ? Number(match[1]) : null;
}

function problemOf(status: number, data: unknown): Problem {
  if (data && typeof data === 'object' && ('title' in data || 'detail' in data)) {
    return data as Problem;
  }
  if (status === 401) {
    return { title: 'Signed out', detail: 'Your sign-in has ended: sign in again. The entry stays on this tablet.', status };
  }
  if (status === 403) {
    return { title: 'Not allowed', detail: 'Your role may not do this.', status };
  }
  return { title: 'No answer from the clinic', detail: 'The service answered ' + status + '; the entry is sent again.', status };
}

/**
 * One sending of a chart entry: a POST with the CSRF header, its Idempotency-Key and, when it was made on a version
 * of the record, If-Match. A network failure throws (the queue counts it as no answer).
 */
export async function sendEntry(entry: ChartEntry): Promise<SendResult> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Content-Type': 'application/json',
    'Idempotency-Key': entry.key,
  };
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  if (entry.baseVersion !== null) {
    headers['If-Match'] = '"' + entry.baseVersion + '"';
  }
  const response = await fetch(entry.url, {
    method: 'POST',
    headers,
    body: JSON.stringify(entry.body ?? {}),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) {
    return { status: response.status, data, version: versionOf(response.headers.get('ETag')) };
  }
  return { status: response.status, problem: problemOf(response.status, data) };
}
