import { describe, expect, it } from 'vitest';
import { linksFor } from './Shell';

describe('the navigation by role', () => {
  it('shows the front desk no session records', () => {
    expect(linksFor(['front-desk']).map((l) => l.key)).toEqual(['today', 'patients', 'courses']);
  });

  it('shows a nurse sessions but not course booking', () => {
    expect(linksFor(['nurse']).map((l) => l.key)).toEqual(['today', 'patients', 'sessions']);
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
