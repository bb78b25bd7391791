import { describe, expect, it } from 'vitest';
import { linksFor } from './Shell';

describe('the navigation by role', () => {
  it('shows the front desk no session records', () => {
    expect(linksFor(['front-desk']).map((l) => l.key)).toEqual(['today', 'patients', 'consultations', 'courses']);
  });

  it('shows a nurse sessions but not course booking', () => {
    expect(linksFor(['nurse']).map((l) => l.key)).toEqual(['today', 'patients', 'sessions']);
  });

  it('shows a clinician their consultations but a nurse none', () => {
    expect(linksFor(['clinician']).map((l) => l.key)).toContain('consultations');
    expect(linksFor(['nurse']).map((l) => l.key)).not.toContain('consultations');
  });

  it('shows an integration account nothing', () => {
    expect(linksFor(['integration'])).toEqual([]);
  });
});
