import { describe, expect, it } from 'vitest';
import { describeNext, duration, nextReading } from './readings';
import type { ReadingSlot } from './types';

const at = (iso: string) => Date.parse(iso);

const slots: ReadingSlot[] = [
  { phase: 'INFUSION', dueAt: '2026-11-30T09:10:00Z', status: 'OVERDUE', takenAt: null },
  { phase: 'INFUSION', dueAt: '2026-11-30T09:20:00Z', status: 'TAKEN', takenAt: '2026-11-30T09:16:00Z' },
  { phase: 'INFUSION', dueAt: '2026-11-30T09:30:00Z', status: 'UPCOMING', takenAt: null },
];

describe('the countdown to the next reading', () => {
  it('counts down to the upcoming reading on the site clock and lists the missed ones', () => {
    const next = nextReading(slots, at('2026-11-30T09:25:30Z'));
    expect(next).toMatchObject({ status: 'UPCOMING', dueAt: '2026-11-30T09:30:00Z', seconds: 270 });
    expect(next.missed.map((s) => s.dueAt)).toEqual(['2026-11-30T09:10:00Z']);
    expect(describeNext(next, 'Europe/Zurich')).toBe('Next vitals reading at 10:30, in 4 min 30 s');
  });

  it('says due once the time has come, before the service has said so', () => {
    const next = nextReading(slots, at('2026-11-30T09:30:45Z'));
    expect(next).toMatchObject({ status: 'DUE', seconds: 45 });
    expect(describeNext(next, 'Europe/Zurich')).toBe('Vitals reading due now (since 10:30, 45 s ago)');
  });

  it('puts a reading the service says is due before any upcoming one', () => {
    const due = [{ ...slots[2], status: 'DUE' as const }];
    expect(nextReading(due, at('2026-11-30T09:31:00Z'))).toMatchObject({ status: 'DUE', seconds: 60 });
  });

  it('has nothing to count down before the dose', () => {
    expect(describeNext(nextReading([], at('2026-11-30T09:00:00Z')), 'Europe/Zurich')).toBe('No vitals reading scheduled now');
  });

  it('writes durations as a nurse reads them', () => {
    expect(duration(5)).toBe('5 s');
    expect(duration(605)).toBe('10 min 05 s');
  });
});
