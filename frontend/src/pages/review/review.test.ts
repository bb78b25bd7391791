import { describe, expect, it } from 'vitest';
import { type QueueItem, inQueueOrder, whyWaiting } from './review';

const item = (patientId: string, urgent: boolean, extra: Partial<QueueItem> = {}): QueueItem => ({
  patientId, mrn: 'MRN-' + patientId, patientName: 'Patient ' + patientId, screeningId: 's-' + patientId,
  screenedAt: '2026-03-02T08:00:00Z', proposedOutcome: 'NEEDS_REVIEW', urgent, reasons: [], flags: [], ...extra,
});

describe('the review queue', () => {
  it('puts the urgent first and keeps the order intake gave within each', () => {
    expect(inQueueOrder([item('a', false), item('b', true), item('c', false), item('d', true)]).map((i) => i.patientId))
      .toEqual(['b', 'd', 'a', 'c']);
  });

  it('says why a patient waits', () => {
    expect(whyWaiting(item('a', false))).toBe('screening needs review');
    expect(whyWaiting(item('a', false, { proposedOutcome: 'CLEARED' }))).toBe('screening proposes clearing');
    expect(whyWaiting(item('a', true, { screeningId: null, proposedOutcome: null,
      flags: [{ id: 'f', grade: 'SERIOUS', reason: 'x', raisedAt: '2026-03-02T08:00:00Z' }] }))).toBe('1 adverse event(s) reported');
  });
});
