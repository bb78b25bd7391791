import { describe, expect, it } from 'vitest';
import { linksFor } from './Shell';

describe('the navigation by role', () => {
  it('shows the front desk no session records', () => {
    expect(linksFor(['front-desk']).map((l) => l.key)).toEqual(['today', 'patients', 'calendar']);
  });

  it('shows a nurse sessions and the calendar to look at', () => {
    expect(linksFor(['nurse']).map((l) => l.key)).toEqual(['today', 'patients', 'calendar', 'sessions']);
  });

  it('shows an integration account nothing', () => {
    expect(linksFor(['integration'])).toEqual([]);
  });
});
