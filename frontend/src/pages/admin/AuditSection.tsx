import { useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api, ApiError } from '../../lib/api';

/** One row of a service's (or the gateway's) audit trail, as `/api/<service>/audit` answers it. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  clientId: string | null;
  action: string;
  kind: string | null;
  resource: string;
  patientIds: string[];
  outcome: number;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditPage {
  source: string;
  entries: AuditEntry[];
  page: number;
  size: number;
  more: boolean;
}

/** The four audit trails: each service keeps its own, and the gateway the calls it refused itself. */
export const AUDIT_SOURCES = [
  { key: 'intake', label: 'Intake', path: '/api/intake/audit' },
  { key: 'scheduling', label: 'Scheduling', path: '/api/scheduling/audit' },
  { key: 'session', label: 'Sessions', path: '/api/session/audit' },
  { key: 'gateway', label: 'Gateway', path: '/api/gateway-audit' },
] as const;

export interface AuditFilter {
  patient: string;
  user: string;
  /** Local date-times as the inputs give them (YYYY-MM-DDTHH:MM), or empty. */
  from: string;
  to: string;
}

export interface MergedEntry extends AuditEntry {
  source: string;
}

const PAGE_SIZE = 50;

/** The query string of one search: only the parts given, times as instants. */
export function auditQuery(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.patient.trim()) params.set('patient', filter.patient.trim());
  if (filter.user.trim()) params.set('user', filter.user.trim());
  if (filter.from) params.set('from', new Date(filter.from).toISOString());
  if (filter.to) params.set('to', new Date(filter.to).toISOString());
  params.set('page', String(page));
  params.set('size', String(PAGE_SIZE));
  return params.toString();
}

/** Every source's rows in one list, newest first (ties: by source, then by the source's own order). */
export function mergeByTime(pages: AuditPage[]): MergedEntry[] {
  return pages
    .flatMap((page) => page.entries.map((entry, order) => ({ entry: { ...entry, source: page.source }, order })))
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || a.entry.source.localeCompare(b.entry.source) || a.order - b.order)
    .map((item) => item.entry);
}

/** An instant as the trail shows it: to the second, in UTC, so rows of every source read alike. */
export function auditTime(at: string): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
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

interface Failure {
  source: string;
  error: unknown;
}

/**
 * The audit trail: who read or changed which patient's data, when, how, from where and with what outcome, searched
 * by patient, by user and by time in all four trails at once and shown as one list, newest first. A trail that cannot
 * be searched is named, the others still shown.
 */
export function AuditSection() {
  const [filter, setFilter] = useState<AuditFilter>({ patient: '', user: '', from: '', to: '' });
  const [pages, setPages] = useState<AuditPage[] | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [page, setPage] = useState(0);
  const [searching, setSearching] = useState(false);

  const search = async (nextPage: number) => {
    setSearching(true);
    const query = auditQuery(filter, nextPage);
    const wanted = nextPage === 0 ? AUDIT_SOURCES : AUDIT_SOURCES.filter((s) => pages?.find((p) => p.source.startsWith(s.key))?.more);
    const answers = await Promise.allSettled(wanted.map((s) => api<AuditPage>('GET', `${s.path}?${query}`)));
    const found: AuditPage[] = [];
    const failed: Failure[] = [];
    answers.forEach((answer, i) => {
      if (answer.status === 'fulfilled') {
        found.push(answer.value);
      } else {
        failed.push({ source: wanted[i].label, error: answer.reason });
      }
    });
    const previous = nextPage === 0 ? [] : pages ?? [];
    setPages([
      ...previous.map((p) => {
        const newer = found.find((f) => f.source === p.source);
        return newer ? { ...newer, entries: [...p.entries, ...newer.entries] } : { ...p, more: false };
      }),
      ...found.filter((f) => !previous.some((p) => p.source === f.source)),
    ]);
    setFailures(failed);
    setPage(nextPage);
    setSearching(false);
  };

  const rows = pages ? mergeByTime(pages) : [];
  const more = pages?.some((p) => p.more) ?? false;
  const field = (key: keyof AuditFilter) => (e: Event) =>
    setFilter({ ...filter, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p class="muted">
        Every read and change of patient data in intake, scheduling and the session records, and every call the gateway
        refused, newest first. Give a patient's id, a user, or both; times are in your browser's clock and shown in UTC.
      </p>
      <form
        class="toolbar"
        id="audit-search"
        onSubmit={(e) => {
          e.preventDefault();
          search(0);
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
          <label for="audit-from">From</label>
          <input id="audit-from" type="datetime-local" value={filter.from} onInput={field('from')} />
        </div>
        <div class="field">
          <label for="audit-to">Until</label>
          <input id="audit-to" type="datetime-local" value={filter.to} onInput={field('to')} />
        </div>
        <button type="submit" id="audit-submit" disabled={searching}>
          Search
        </button>
      </form>
      {failures.map((failure) => (
        <div key={failure.source} class="audit-failure">
          <p class="muted">{failure.source}: this trail could not be searched.</p>
          <ProblemView error={failure.error instanceof ApiError ? failure.error : String(failure.error)} />
        </div>
      ))}
      {pages && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Audit trail entries, scrollable">
          <table id="audit-table">
            <caption>
              {rows.length === 0 ? 'Nothing recorded for this search' : `${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}${more ? ' (older ones follow)' : ''}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
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
                <tr key={row.source + row.id} class={row.outcome >= 400 ? 'audit-refused' : undefined}>
                  <td>{auditTime(row.at)}</td>
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
        <button type="button" class="secondary" id="audit-older" disabled={searching} onClick={() => search(page + 1)}>
          Older entries
        </button>
      )}
    </section>
  );
}
