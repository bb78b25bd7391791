import { useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { adminApi, askEach, type Answered, type Failed } from './adminApi';
import { zonedInstant } from './clock';
import { AUDIT_TRAILS, type AuditTrail } from './services';
import type { AuditEntry, AuditPage } from './types';

export interface AuditFilter {
  patient: string;
  user: string;
  /** Date-times on the clinic's clock as the inputs give them (YYYY-MM-DDTHH:MM), or empty. */
  from: string;
  to: string;
}

export interface MergedEntry extends AuditEntry {
  source: string;
}

const PAGE_SIZE = 50;

/** A date-time input's value ("2026-11-30T08:00") read on the zone's clock, as an instant; null when empty. */
export function wallClockInstant(value: string, zone: string): string | null {
  if (!value) {
    return null;
  }
  const [date, time] = value.split('T');
  return zonedInstant(date, time || '00:00', zone);
}

/**
 * The query string of one page of a search: only the parts given, the times read on the clinic's clock and sent as
 * instants. {@code before}, for the pages after the first, replaces the search's end (see {@link pinnedEnd}).
 */
export function auditQuery(filter: AuditFilter, page: number, zone: string, before?: string | null): string {
  const params = new URLSearchParams();
  if (filter.patient.trim()) params.set('patient', filter.patient.trim());
  if (filter.user.trim()) params.set('user', filter.user.trim());
  const from = wallClockInstant(filter.from, zone);
  const to = before ?? wallClockInstant(filter.to, zone);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  return params.toString();
}

/** An instant's milliseconds, for comparing: ISO strings do not sort as text ("…:00Z" against "…:00.5Z"). */
function millis(at: string): number {
  return Date.parse(at) || 0;
}

/**
 * Where the pages after a trail's first end: just after the newest row that first page showed (never later than the
 * search's own end). The trails are live (every search is itself recorded), so without a fixed end each newer row
 * would push the rows down a page and the next page would repeat some. The end is taken from the trail's own rows,
 * the services' clock, so a browser clock ahead or behind neither repeats nor skips rows.
 */
export function pinnedEnd(entries: AuditEntry[], to: string | null): string | null {
  if (entries.length === 0) {
    return to;
  }
  const after = Math.max(...entries.map((entry) => millis(entry.at))) + 1;
  return to !== null && millis(to) < after ? to : new Date(after).toISOString();
}

/** A row's key in the merged list: ids are the trail's own, so the same id may be in two trails. */
export const rowKey = (row: MergedEntry) => row.source + ':' + row.id;

/** Every source's rows in one list, newest first (ties: by source, then by the source's own order), each row once. */
export function mergeByTime(pages: { source: string; entries: AuditEntry[] }[]): MergedEntry[] {
  const seen = new Set<string>();
  return pages
    .flatMap((page) => page.entries.map((entry, order) => ({ entry: { ...entry, source: page.source }, order })))
    .filter(({ entry }) => {
      const key = rowKey(entry);
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => millis(b.entry.at) - millis(a.entry.at) || a.entry.source.localeCompare(b.entry.source) || a.order - b.order)
    .map((item) => item.entry);
}

/** A trail's part of a search: its rows so far, the last page read, whether more follow, where later pages end. */
export interface TrailRows {
  trail: AuditTrail;
  /** The name the trail gives itself ("intake-service"). */
  source: string;
  entries: AuditEntry[];
  page: number;
  more: boolean;
  before: string | null;
}

export interface TrailFailure {
  trail: AuditTrail;
  /** The page that could not be read: 0 when the trail could not be searched at all. */
  page: number;
  error: unknown;
}

/** One search as it was submitted (the inputs may change since) and what it found so far. */
export interface AuditSearch {
  filter: AuditFilter;
  zone: string;
  trails: TrailRows[];
  failures: TrailFailure[];
}

/** The search started over: its filter and zone kept for the pages that follow. */
export function newSearch(filter: AuditFilter, zone: string): AuditSearch {
  return { filter: { ...filter }, zone, trails: [], failures: [] };
}

/** The first pages of a search: every trail's. */
export function firstPages(search: AuditSearch): { trail: AuditTrail; query: string }[] {
  return AUDIT_TRAILS.map((t) => ({ trail: t.key, query: auditQuery(search.filter, 0, search.zone) }));
}

/** The older pages of a search: for each trail with more, its next page, of the search as submitted, up to its pinned end. */
export function olderPages(search: AuditSearch): { trail: AuditTrail; query: string }[] {
  return search.trails
    .filter((t) => t.more)
    .map((t) => ({ trail: t.trail, query: auditQuery(search.filter, t.page + 1, search.zone, t.before) }));
}

/**
 * The search with the pages just read added below each trail's rows (a row seen before is not added again); a trail
 * asked again loses its earlier failure, the others keep theirs; a trail that failed keeps its place, so "Older
 * entries" asks it again.
 */
export function addPages(
  search: AuditSearch,
  answered: Answered<AuditTrail, AuditPage>[],
  failed: Failed<AuditTrail>[],
): AuditSearch {
  const end = wallClockInstant(search.filter.to, search.zone);
  const trails = search.trails.map((rows) => {
    const page = answered.find((a) => a.source === rows.trail)?.value;
    if (!page) {
      return rows;
    }
    const known = new Set(rows.entries.map((e) => e.id));
    return { ...rows, entries: [...rows.entries, ...page.entries.filter((e) => !known.has(e.id))], page: page.page, more: page.more };
  });
  for (const { source: trail, value: page } of answered) {
    if (!trails.some((rows) => rows.trail === trail)) {
      const seen = new Set<number>();
      const entries = page.entries.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
      trails.push({ trail, source: page.source, entries, page: page.page, more: page.more, before: pinnedEnd(entries, end) });
    }
  }
  const asked = new Set([...answered.map((a) => a.source), ...failed.map((f) => f.source)]);
  return {
    ...search,
    trails,
    failures: [
      ...search.failures.filter((f) => !asked.has(f.trail)),
      ...failed.map(({ source: trail, error }) => {
        const rows = search.trails.find((t) => t.trail === trail);
        return { trail, page: rows ? rows.page + 1 : 0, error };
      }),
    ],
  };
}

/** An instant as the trail shows it: date and time to the second on the clinic's clock (the zone named above). */
export function auditTime(at: string, zone: string): string {
  return formatDateTime(at, zone, { seconds: true });
}

export function outcomeWords(outcome: number): string {
  if (outcome < 300) return `${outcome} done`;
  if (outcome === 401) return '401 not signed in';
  if (outcome === 403) return '403 refused';
  if (outcome === 404) return '404 not found';
  if (outcome === 409) return '409 conflict';
  if (outcome === 503) return '503 not recorded, withheld';
  if (outcome < 500) return `${outcome} refused`;
  return `${outcome} failed`;
}

const trailLabel = (trail: AuditTrail) => AUDIT_TRAILS.find((t) => t.key === trail)?.label ?? trail;

/**
 * The audit trail: who read or changed which patient's data, when, how, from where and with what outcome, searched
 * by patient, by user and by time in all four trails at once and shown as one list, newest first. A trail that cannot
 * be searched is named, the others still shown. Times are on the clinic's clock ({@code zone}): the trail belongs to
 * no site. "Older entries" goes on with the search as it was submitted, whatever the inputs say since.
 */
export function AuditSection(props: { zone: string }) {
  const { zone } = props;
  const [filter, setFilter] = useState<AuditFilter>({ patient: '', user: '', from: '', to: '' });
  const [search, setSearch] = useState<AuditSearch | null>(null);
  const [searching, setSearching] = useState(false);
  // the step last started: an answer of an earlier one is dropped
  const step = useRef(0);

  const read = async (from: AuditSearch, pages: { trail: AuditTrail; query: string }[]) => {
    const mine = ++step.current;
    setSearching(true);
    const { answered, failed } = await askEach(
      pages.map((p) => p.trail),
      (trail) => adminApi.audit(trail, pages.find((p) => p.trail === trail)!.query),
    );
    if (mine !== step.current) {
      return;
    }
    setSearch(addPages(from, answered, failed));
    setSearching(false);
  };

  const rows = search ? mergeByTime(search.trails) : [];
  const more = search?.trails.some((t) => t.more) ?? false;
  const field = (key: keyof AuditFilter) => (e: Event) =>
    setFilter({ ...filter, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p class="muted">
        Every read and change of patient data in intake, scheduling and the session records, and every call the gateway
        refused, newest first. Give a patient's id, a user, or both; times are on the clinic's clock, in{' '}
        {zoneLabel(zone)} ({zone}).
      </p>
      <form
        class="toolbar"
        id="audit-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (!searching) {
            const fresh = newSearch(filter, zone);
            read(fresh, firstPages(fresh));
          }
        }}
      >
        <div class="field">
          <label for="audit-patient">Patient id</label>
          <input id="audit-patient" value={filter.patient} onInput={field('patient')} size={38} />
        </div>
        <div class="field">
          <label for="audit-user">User</label>
          <input id="audit-user" value={filter.user} onInput={field('user')} />
        </div>
        <div class="field">
          <label for="audit-from">From ({zoneLabel(zone)} time)</label>
          <input id="audit-from" type="datetime-local" value={filter.from} onInput={field('from')} />
        </div>
        <div class="field">
          <label for="audit-to">Until ({zoneLabel(zone)} time)</label>
          <input id="audit-to" type="datetime-local" value={filter.to} onInput={field('to')} />
        </div>
        <button type="submit" id="audit-submit" disabled={searching}>
          Search
        </button>
      </form>
      {search?.failures.map((failure) => (
        <div key={failure.trail} class="audit-failure" id={'audit-' + failure.trail + '-error'}>
          <p class="muted">
            {trailLabel(failure.trail)}:{' '}
            {failure.page === 0
              ? 'this trail could not be searched.'
              : 'its older entries could not be read; "Older entries" asks again.'}
          </p>
          <ProblemView error={failure.error} />
        </div>
      ))}
      {search && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Audit trail entries, scrollable">
          <table id="audit-table">
            <caption>
              {rows.length === 0 ? 'Nothing recorded for this search' : `${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}${more ? ' (older ones follow)' : ''}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">When ({zoneLabel(search.zone)})</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Patient</th>
                <th scope="col">Outcome</th>
                <th scope="col">From</th>
                <th scope="col">Trail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} class={row.outcome >= 400 ? 'audit-refused' : undefined}>
                  <td>
                    <time dateTime={row.at}>{auditTime(row.at, search.zone)}</time>
                  </td>
                  <td>
                    {row.actor}
                    {row.clientId && <span class="muted"> ({row.clientId})</span>}
                  </td>
                  <td>
                    <code>{row.action}</code>
                    {row.kind && <span class="muted"> {row.kind}</span>}
                  </td>
                  <td>
                    {row.patientIds.length === 0
                      ? '—'
                      : row.patientIds.length <= 3
                        ? row.patientIds.join(', ')
                        : `${row.patientIds.slice(0, 3).join(', ')} and ${row.patientIds.length - 3} more`}
                  </td>
                  <td>{outcomeWords(row.outcome)}</td>
                  <td title={row.userAgent ?? undefined}>{row.clientAddress ?? '—'}</td>
                  <td>{row.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && (
        <button type="button" class="secondary" id="audit-older" disabled={searching} onClick={() => search && read(search, olderPages(search))}>
          Older entries
        </button>
      )}
    </section>
  );
}
