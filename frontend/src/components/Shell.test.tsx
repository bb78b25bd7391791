import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Shell, linksFor } from './Shell';

describe('the navigation by role', () => {
  it('shows the front desk no session records', () => {
    expect(linksFor(['front-desk']).map((l) => l.key)).toEqual(['today', 'patients', 'calendar', 'consultations']);
  });

  it('shows a nurse sessions and the calendar to look at', () => {
    expect(linksFor(['nurse']).map((l) => l.key)).toEqual(['today', 'patients', 'calendar', 'sessions']);
  });

  it('shows a clinician the review queue', () => {
    expect(linksFor(['clinician']).map((l) => l.key)).toContain('review');
    expect(linksFor(['front-desk', 'nurse']).map((l) => l.key)).not.toContain('review');
  });

  it('shows a clinician their consultations but a nurse none', () => {
    expect(linksFor(['clinician']).map((l) => l.key)).toContain('consultations');
    expect(linksFor(['nurse']).map((l) => l.key)).not.toContain('consultations');
  });

  it('shows the Admin link to administrators only', () => {
    expect(linksFor(['admin']).map((l) => l.key)).toContain('admin');
    for (const role of ['front-desk', 'nurse', 'clinician', 'integration']) {
      expect(linksFor([role]).map((l) => l.key)).not.toContain('admin');
    }
  });

  it('shows an integration account nothing', () => {
    expect(linksFor(['integration'])).toEqual([]);
  });
});

describe('the page frame', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says so when the services cannot tell who the user is, instead of loading for ever', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('Bad gateway', { status: 502 }))));
    render(<Shell active="today" title="Today">{() => <p>the page</p>}</Shell>);
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toContain('did not answer who you are');
    expect(screen.queryByText('the page')).toBeNull();
  });

  it('shows the page once the user is known', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(
      JSON.stringify({ username: 'nurse', name: 'Nora Nurse', roles: ['nurse'] }),
      { status: 200, headers: { 'Content-Type': 'application/json' } }))));
    render(<Shell active="today" title="Today">{(me) => <p>hello {me.name}</p>}</Shell>);
    expect(await screen.findByText('hello Nora Nurse')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
  });
});
