import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsSection } from './SettingsSection';
import { stubFetch } from './testing';
import type { RuleSettings, Site, Utilisation } from './types';
import { UtilisationSection } from './UtilisationSection';

afterEach(() => vi.unstubAllGlobals());

const site: Site = { id: 's1', name: 'Lakeside', timeZone: 'Europe/Zurich', timeZoneSource: 'site', version: 1 };

function figures(open: number, staffed: number, booked: number, percent: number | null, noShows = 0, noShowMinutes = 0) {
  return {
    openChairMinutes: open,
    staffedChairMinutes: staffed,
    bookedChairMinutes: booked,
    noShowChairMinutes: noShowMinutes,
    utilisationPercent: percent,
    appointments: booked / 110,
    noShows,
  };
}

const report: Utilisation = {
  siteId: 's1',
  siteName: '<script>Lakeside</script>',
  timeZone: 'Europe/Zurich',
  week: '2026-W49',
  from: '2026-11-30',
  to: '2026-12-06',
  chairsInService: 2,
  days: [
    { date: '2026-11-30', open: true, opens: '08:00:00', closes: '18:00:00', closure: null, figures: figures(1200, 1200, 220, 18.3) },
    { date: '2026-12-01', open: true, opens: '08:00:00', closes: '18:00:00', closure: null, figures: figures(1200, 600, 110, 9.2, 1, 110) },
    { date: '2026-12-02', open: false, opens: '08:00:00', closes: '18:00:00', closure: 'Inspection', figures: figures(0, 0, 0, null) },
    ...['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'].map((date) => ({
      date, open: false, opens: null, closes: null, closure: null, figures: figures(0, 0, 0, null),
    })),
  ],
  total: figures(2400, 1800, 330, 13.8, 1, 110),
};

describe('the utilisation report', () => {
  it('shows each day and the week in a table with the same numbers as the chart, on the site clock', async () => {
    const { calls } = stubFetch([{ path: '/api/scheduling/reports/utilisation', body: report }]);
    const { container } = render(<UtilisationSection site={site} />);

    await waitFor(() => expect(document.getElementById('utilisation-table')).toBeTruthy());
    expect(calls[0].url).toBe('/api/scheduling/reports/utilisation?siteId=s1');
    const rows = [...document.querySelectorAll('#utilisation-table tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows[0].slice(1)).toEqual(['08:00–18:00', '20.0', '20.0', '3.7', '18.3 %', '0']);
    expect(rows[1].slice(5)).toEqual(['9.2 %', '1 (1.8 h)']);
    expect(rows[2][1]).toBe('Closed: Inspection');
    expect(rows[2][5]).toBe('—');
    expect(rows[3][1]).toBe('closed');
    expect(document.getElementById('utilisation-total')!.textContent).toContain('40.0');
    expect(document.getElementById('utilisation-total')!.textContent).toContain('13.8 %');
    expect(screen.getByText(/days and hours on Zurich time/)).toBeTruthy();
    expect((document.getElementById('utilisation-week') as HTMLInputElement).value).toBe('2026-W49');
    // the chart: an image with its name and summary, one bar per figure that is not zero
    const svg = container.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-labelledby')).toBe('utilisation-chart-title utilisation-chart-desc');
    expect(document.getElementById('utilisation-chart-desc')!.textContent).toContain('5.5 booked chair-hours (13.8 %)');
    expect(container.querySelectorAll('rect.bar-open')).toHaveLength(2);
    expect(container.querySelectorAll('rect.bar-noshow')).toHaveLength(1);
    expect(container.querySelector('script')).toBeNull();
  });

  it('moves a week on and back by the ISO calendar', async () => {
    const { calls } = stubFetch([{ path: '/api/scheduling/reports/utilisation', body: report }]);
    render(<UtilisationSection site={site} />);
    await waitFor(() => expect(document.getElementById('utilisation-table')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('&week=2026-W50'))).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('&week=2026-W48'))).toBe(true));
  });

  it('says why when the service refuses', async () => {
    stubFetch([{ path: '/api/scheduling/reports/utilisation', status: 403, body: {} }]);
    render(<UtilisationSection site={site} />);
    await waitFor(() => expect(screen.getByText('Your role may not do this.')).toBeTruthy());
  });
});

describe('the eligibility thresholds', () => {
  const v1: RuleSettings = {
    version: 1, absoluteSystolicAbove: 180, absoluteDiastolicAbove: 100, reviewSystolicAbove: 140,
    reviewDiastolicAbove: 90, minimumAgeYears: 18, abstinenceMonths: 12, requiredFailedTrials: 2,
    changedBy: 'flyway', changedAt: '2026-01-01T00:00:00Z', reason: 'DOMAIN.md defaults',
  };

  it('saves a change as a new version based on the version read, with its reason', async () => {
    const v2 = { ...v1, version: 2, absoluteSystolicAbove: 170, changedBy: 'ann', reason: 'Stricter' };
    const { calls, routes } = stubFetch([
      { path: '/api/intake/eligibility-rules/settings', body: [v1] },
      { path: '/api/intake/dose-range', body: { minMgPerKg: 0.1, maxMgPerKg: 1.0, defaultMgPerKg: 0.5 } },
      { method: 'PUT', path: '/api/intake/eligibility-rules/settings', body: { settings: v2 } },
    ]);
    render(<SettingsSection zone="Europe/Zurich" />);

    const systolic = await screen.findByLabelText('Decline: resting systolic above (mmHg)');
    expect(screen.getByText(/A clinician signs dose plans from 0.1 to 1 mg\/kg/)).toBeTruthy();
    fireEvent.input(systolic, { target: { value: '170' } });
    fireEvent.input(screen.getByLabelText('Reason for the change'), { target: { value: 'Stricter' } });
    routes.push({ path: '/api/intake/eligibility-rules/settings', body: [v1, v2] });
    fireEvent.submit(document.getElementById('thresholds-form')!);

    await waitFor(() => expect(screen.getByText('Saved as version 2.')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      absoluteSystolicAbove: 170, absoluteDiastolicAbove: 100, reviewSystolicAbove: 140, reviewDiastolicAbove: 90,
      minimumAgeYears: 18, abstinenceMonths: 12, requiredFailedTrials: 2, reason: 'Stricter', basedOnVersion: 1,
    });
    const versions = [...document.querySelectorAll('#rule-versions tbody tr')].map((tr) => tr.children[0].textContent);
    expect(versions).toEqual(['2', '1']);
  });

  it('shows a review limit above the absolute one at its field', async () => {
    stubFetch([
      { path: '/api/intake/eligibility-rules/settings', body: [v1] },
      { path: '/api/intake/dose-range', body: { minMgPerKg: 0.1, maxMgPerKg: 1.0, defaultMgPerKg: 0.5 } },
      {
        method: 'PUT',
        path: '/api/intake/eligibility-rules/settings',
        status: 400,
        body: { title: 'Invalid input', errors: [{ field: 'reviewSystolicAbove', message: 'The review systolic limit 190 must not be above the absolute limit 180' }] },
      },
    ]);
    render(<SettingsSection zone="Europe/Zurich" />);
    fireEvent.input(await screen.findByLabelText('Review: systolic at screening above (mmHg)'), { target: { value: '190' } });
    fireEvent.submit(document.getElementById('thresholds-form')!);

    await waitFor(() =>
      expect(document.getElementById('threshold-reviewSystolicAbove-error')?.textContent).toBe(
        'The review systolic limit 190 must not be above the absolute limit 180.',
      ),
    );
    expect(document.getElementById('threshold-reviewSystolicAbove')!.getAttribute('aria-invalid')).toBe('true');
  });
});
