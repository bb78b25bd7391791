import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';

export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  status: string;
  version: number;
}

/** How long typing may pause before the search goes out: one request per pause, not per key. */
export const SEARCH_DELAY_MS = 250;

export const STATUS_WORDS: Record<string, string> = {
  REFERRED: 'referred',
  SCREENED: 'screened',
  CLEARED: 'cleared',
  DECLINED: 'declined',
};

export function patientHref(id: string): string {
  return '/patient.html?id=' + encodeURIComponent(id);
}

/**
 * Search as you type: name parts in any order, MRN, phone or birth date. The results follow the typing (the answer
 * to an older query never replaces a newer one); the arrow keys move from the box through the results and Escape
 * goes back to the box.
 */
/** `refresh` changes when a patient was registered on the page: the results are asked for again. */
export function Search(props: { refresh?: number } = {}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PatientSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const asked = ++latest.current;
    const timer = window.setTimeout(() => {
      const q = query.trim();
      api<PatientSummary[]>('GET', '/api/intake/patients' + (q ? '?q=' + encodeURIComponent(q) : '')).then(
        (patients) => {
          if (asked === latest.current) {
            setFound(patients);
            setError(null);
          }
        },
        (failure) => asked === latest.current && setError(failure),
      );
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, props.refresh]);

  const links = () => Array.from(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);

  const onKey = (event: KeyboardEvent) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && all.length > 0) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) box.current?.focus();
      else all[at - 1].focus();
    } else if (event.key === 'Escape' && at >= 0) {
      box.current?.focus();
    }
  };

  return (
    <section aria-labelledby="search-heading" onKeyDown={onKey}>
      <h2 id="search-heading">Find a patient</h2>
      <div role="search" class="search-box">
        <label for="patient-search">Name, MRN, phone or birth date</label>
        <input
          id="patient-search"
          ref={box}
          type="search"
          autocomplete="off"
          value={query}
          aria-describedby="patient-search-hint"
          aria-controls="patient-results"
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <small class="hint" id="patient-search-hint">
          Results follow your typing; the arrow keys move through them, Enter opens one.
        </small>
      </div>
      <ProblemView error={error} id="search-error" />
      <p class="muted" role="status" id="patient-results-count">
        {found === null ? 'Searching…' : found.length === 0 ? 'No patient found.' : found.length + ' patient(s) found.'}
      </p>
      <ul id="patient-results" class="results" ref={list}>
        {(found ?? []).map((p) => (
          <li key={p.id} data-patient-id={p.id}>
            <a href={patientHref(p.id)}>
              <strong>
                {p.familyName}, {p.givenName}
              </strong>{' '}
              <span class="mrn">{p.mrn}</span> · born {formatDate(p.birthDate)} ·{' '}
              <span class="status">{STATUS_WORDS[p.status] ?? p.status}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
