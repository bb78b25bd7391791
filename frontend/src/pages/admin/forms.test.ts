import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import {
  attributeList,
  describeSnapshot,
  fieldErrors,
  hoursErrors,
  hoursRequest,
  hoursRows,
  isStale,
  sentence,
} from './forms';
import type { Hours } from './types';

const week: Hours = {
  siteId: 's1',
  source: 'site',
  timeZone: 'Europe/Zurich',
  version: 3,
  days: [
    { dayOfWeek: 1, opens: '08:00:00', closes: '18:00:00' },
    { dayOfWeek: 3, opens: '07:30', closes: '12:00' },
  ],
};

describe('the hours editor', () => {
  it('shows all seven days, the ones without hours closed', () => {
    const rows = hoursRows(week);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ dayOfWeek: 1, open: true, opens: '08:00', closes: '18:00' });
    expect(rows[1]).toEqual({ dayOfWeek: 2, open: false, opens: '', closes: '' });
    expect(rows[2].opens).toBe('07:30');
  });

  it('sends the open days only, and shows an error named by list position at its weekday', () => {
    const rows = hoursRows(week).map((row) => (row.dayOfWeek === 3 ? { ...row, closes: '07:00' } : row));
    const sent = hoursRequest(rows);
    expect(sent.map((d) => d.dayOfWeek)).toEqual([1, 3]);
    // the service names days[1]: the second day sent, which is Wednesday
    expect(hoursErrors({ 'days[1].closes': 'The site must open (07:30) before it closes (07:00).', version: 'x' }, sent)).toEqual({
      '3.closes': 'The site must open (07:30) before it closes (07:00).',
      version: 'x',
    });
    expect(hoursErrors({ 'days[0].dayOfWeek': 'Given twice.' }, sent)).toEqual({ '1.open': 'Given twice.' });
  });
});

describe('refusals', () => {
  it('gives each field its first message as a sentence', () => {
    const error = new ApiError(400, {
      title: 'Invalid input',
      errors: [
        { field: 'name', message: 'must not be blank' },
        { field: 'name', message: 'has at most 100 characters' },
        { field: 'timeZone', message: "'Mars/Olympus' is not an IANA time zone" },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      name: 'Must not be blank.',
      timeZone: "'Mars/Olympus' is not an IANA time zone.",
    });
    expect(fieldErrors(new Error('network'))).toEqual({});
  });

  it('knows a stale version from other conflicts', () => {
    expect(isStale(new ApiError(409, { reason: 'STALE_VERSION', detail: 'Site s1 is at version 2, not 1' }))).toBe(true);
    expect(isStale(new ApiError(409, { detail: 'Closure c1 was changed by someone else; reload and try again' }))).toBe(true);
    expect(isStale(new ApiError(409, { detail: "There is already a site named 'Lakeside'" }))).toBe(false);
    expect(isStale(new ApiError(400, { reason: 'STALE_VERSION' }))).toBe(false);
  });

  it('writes messages as sentences', () => {
    expect(sentence('must not be blank')).toBe('Must not be blank.');
    expect(sentence('Already ends.')).toBe('Already ends.');
  });
});

describe('version history and chair attributes', () => {
  it('says a version in words without ids', () => {
    expect(
      describeSnapshot({ id: 'x', siteId: 'y', name: 'Chair A', attributes: ['monitor', 'recliner'], active: false, validUntil: null }),
    ).toBe('name: Chair A · attributes: monitor, recliner · active: false · validUntil: —');
  });

  it('reads attributes separated by commas', () => {
    expect(attributeList(' recliner, monitor ,, oxygen ')).toEqual(['recliner', 'monitor', 'oxygen']);
    expect(attributeList('')).toEqual([]);
  });
});
