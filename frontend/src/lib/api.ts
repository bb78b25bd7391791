/**
 * Calls to the clinic's JSON APIs through the gateway: the session cookie goes along, every mutation carries the
 * CSRF token the gateway wrote in the XSRF-TOKEN cookie, and a failure becomes an {@link ApiError} holding the RFC 9457
 * problem the service answered (title, detail, the fields that are wrong, the reasons of a refusal).
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: FieldError[];
  /** A refusal's first reason (the infusion rules), and all of them. */
  reason?: string;
  reasons?: { reason: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;

  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || 'Request failed');
    this.status = status;
    this.problem = problem;
  }
}

/** The CSRF token of the XSRF-TOKEN cookie, read fresh for every mutation. */
export function csrfToken(cookies: string = document.cookie): string | null {
  const match = cookies.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Where the browser goes to sign in again when the session has ended. */
export const LOGIN_PATH = '/oauth2/authorization/keycloak';

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  return (await exchange<T>(method, url, body)).data;
}

/** A GET of one page of a list, with the total the service counts in its X-Total-Count header (null without one). */
export async function apiPage<T>(url: string): Promise<{ items: T[]; total: number | null }> {
  const { data, headers } = await exchange<T[]>('GET', url);
  const total = headers.get('X-Total-Count');
  return { items: data ?? [], total: total === null || total === '' ? null : Number(total) };
}

async function exchange<T>(method: string, url: string, body?: unknown): Promise<{ data: T; headers: Headers }> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, { title: 'The clinic cannot be reached', detail: 'Check the network and try again.' });
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.status === 401) {
    window.location.assign(LOGIN_PATH);
  }
  if (!response.ok) {
    throw new ApiError(response.status, asProblem(response.status, data));
  }
  return { data: data as T, headers: response.headers };
}

function asProblem(status: number, data: unknown): Problem {
  if (data && typeof data === 'object' && ('title' in data || 'detail' in data)) {
    return data as Problem;
  }
  if (status === 403) {
    return { title: 'Not allowed', detail: 'Your role may not do this.', status };
  }
  return { title: 'Request failed', detail: 'The service answered ' + status + '.', status };
}
