import { describe, expect, it } from 'vitest';
import { linksFor } from './Shell';

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
