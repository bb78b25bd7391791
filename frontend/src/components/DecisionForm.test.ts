import { describe, expect, it } from 'vitest';
import { checkDecision, reasonRequired } from './DecisionForm';

const base = { reason: '', mgPerKg: '0.5', supersedes: false, range: { minMgPerKg: 0.1, maxMgPerKg: 1, defaultMgPerKg: 0.5 } };

describe('the reason of an eligibility decision', () => {
  it('is required from the start for a screening the rules sent for review, whichever outcome', () => {
    expect(reasonRequired('NEEDS_REVIEW', '', false)).toBe(true);
    expect(checkDecision({ ...base, outcome: 'DECLINED', proposed: 'NEEDS_REVIEW' }).reason)
      .toBe('A screening sent for review needs your reason for the decision.');
    expect(checkDecision({ ...base, outcome: 'CLEARED', proposed: 'NEEDS_REVIEW' }).reason)
      .toBe('A screening sent for review needs your reason for the decision.');
  });

  it('is optional when accepting the proposal, required when deciding against it or replacing a decision', () => {
    expect(reasonRequired('CLEARED', 'CLEARED', false)).toBe(false);
    expect(checkDecision({ ...base, outcome: 'CLEARED', proposed: 'CLEARED' }).reason).toBeUndefined();
    expect(reasonRequired('CLEARED', 'DECLINED', false)).toBe(true);
    expect(checkDecision({ ...base, outcome: 'DECLINED', proposed: 'CLEARED' }).reason).toBe('Deciding against the proposal needs a reason.');
    expect(reasonRequired('CLEARED', 'CLEARED', true)).toBe(true);
  });
});
