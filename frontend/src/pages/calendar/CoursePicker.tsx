import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { apiPage } from '../../lib/api';
import type { Course, CourseStatus } from './types';

/** How many matches the picker shows at a time: the rest are found by typing more of the name. */
export const PICKER_PAGE = 8;

/** Waiting this long after the last key before searching, so typing a name asks once, not per letter. */
export const SEARCH_DELAY_MS = 250;

/** The search the picker sends for what was typed. */
export function courseSearchUrl(statuses: CourseStatus[], query: string, limit = PICKER_PAGE): string {
  const params = new URLSearchParams();
  statuses.forEach((s) => params.append('status', s));
  if (query.trim()) {
    params.set('q', query.trim());
  }
  params.set('limit', String(limit));
  return '/api/scheduling/courses?' + params.toString();
}

/** Where a course stands, for the front desk choosing one. */
export function courseSummary(course: Course): string {
  const booked = course.appointments.filter((a) => a.status !== 'cancelled' && a.status !== 'noshow').length;
  const where: Record<CourseStatus, string> = {
    TO_PLAN: 'to plan',
    ACTIVE: 'under way',
    PAUSED: 'paused',
    COMPLETED: 'completed',
    CANCELLED: 'cancelled',
  };
  return where[course.status] + ', ' + booked + ' of ' + course.plannedInfusions + ' booked';
}

/**
 * A cleared patient's course, found by typing part of the name (keyboard only is enough: type, Tab to a match,
 * Enter). Shows the first matches and how many there are in all.
 */
export function CoursePicker(props: {
  id: string;
  label: string;
  statuses: CourseStatus[];
  picked: Course | null;
  onPick: (course: Course) => void;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ items: Course[]; total: number | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const statuses = props.statuses.join(',');

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      apiPage<Course>(courseSearchUrl(statuses.split(',') as CourseStatus[], query)).then(
        (page) => {
          if (current) {
            setFound(page);
            setError(null);
          }
        },
        (failure) => current && setError(failure),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, statuses]);

  const resultsId = props.id + '-results';
  return (
    <div class="picker">
      <div class="field">
        <label for={props.id}>{props.label}</label>
        <input
          id={props.id}
          type="search"
          autocomplete="off"
          placeholder="Type part of the name"
          value={query}
          aria-controls={resultsId}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <ProblemView error={error} />
      <ul class="picker-results" id={resultsId} aria-label={'Matches for ' + props.label}>
        {found?.items.map((course) => (
          <li key={course.id}>
            <button
              type="button"
              class={'picker-choice' + (props.picked?.id === course.id ? ' picked' : '')}
              aria-pressed={props.picked?.id === course.id}
              data-course-id={course.id}
              onClick={() => props.onPick(course)}
            >
              <strong>{course.patientName}</strong> <span class="muted">{courseSummary(course)}</span>
            </button>
          </li>
        ))}
      </ul>
      {found && found.items.length === 0 && <p class="muted">No cleared patient's course matches.</p>}
      {found && found.total !== null && found.total > found.items.length && (
        <p class="muted" role="status">
          {found.items.length} of {found.total} shown: type more of the name to narrow.
        </p>
      )}
    </div>
  );
}
