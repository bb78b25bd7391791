import { vi } from 'vitest';

/** A stubbed fetch answering by method and path; every call is kept with its parsed body. */
export interface Route {
  method?: string;
  path: string | RegExp;
  status?: number;
  body: unknown | ((request: { url: string; body: unknown }) => unknown);
}

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

export function stubFetch(routes: Route[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const path = url.split('?')[0];
    // the last matching route wins, so a test can change an answer by adding a route
    const route = [...routes]
      .reverse()
      .find((r) => (r.method ?? 'GET') === method && (typeof r.path === 'string' ? r.path === path : r.path.test(url)));
    if (!route) {
      return new Response(JSON.stringify({ title: 'Not found' }), { status: 404 });
    }
    const answer = typeof route.body === 'function' ? (route.body as (r: { url: string; body: unknown }) => unknown)({ url, body }) : route.body;
    const status = route.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, routes, fetch };
}
