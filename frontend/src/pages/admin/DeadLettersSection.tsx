import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { formatTime, zoneLabel } from '../../lib/time';
import { ConfirmButton } from './ui';

/** A record a service's consumer parked in its dead-letter topic, as GET /api/<service>/dead-letters lists it. */
export interface DeadLetter {
  id: string;
  service: string;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: number | null;
  eventId: string | null;
  eventType: string | null;
  subject: string | null;
  exception: string | null;
  exceptionMessage: string | null;
  parkedAt: string;
  replays: number;
  lastReplayedAt: string | null;
  lastReplayedBy: string | null;
  lastReplayOutcome: string | null;
}

/** The services whose consumers park events, by the name in their API's paths. */
export const SERVICES = ['intake', 'scheduling', 'session'] as const;

type Service = (typeof SERVICES)[number];

const deadLetters = (service: Service) => api<DeadLetter[]>('GET', `/api/${service}/dead-letters`);

const replay = (service: Service, letter: DeadLetter) =>
  api<{ outcome: 'APPLIED' | 'ALREADY_HANDLED' }>(
    'POST',
    `/api/${service}/dead-letters/${encodeURIComponent(letter.id)}/replay`,
  );

/** "clinic.scheduling.appointment-booked.v1" → "appointment booked". */
function eventName(type: string | null): string {
  if (!type) {
    return 'unreadable record';
  }
  const parts = type.split('.');
  return (parts.length >= 3 ? parts[parts.length - 2] : type).replace(/-/g, ' ');
}

const outcomeWords: Record<string, string> = {
  APPLIED: 'applied',
  ALREADY_HANDLED: 'already handled before; nothing changed',
};

/**
 * What the three services' consumers parked in their dead-letter topics (events they could not read, that broke
 * their producer's contract, or that failed after their retries), newest first, each with why and when, and a
 * Replay that asks first: a replayed event is handed to the service's inbox, so it is applied at most once.
 */
export function DeadLettersSection(props: { zone: string }) {
  const [letters, setLetters] = useState<Record<Service, DeadLetter[] | null>>({
    intake: null,
    scheduling: null,
    session: null,
  });
  const [errors, setErrors] = useState<Partial<Record<Service, unknown>>>({});
  const [replayed, setReplayed] = useState<string | null>(null);

  const load = async () => {
    const found = await Promise.allSettled(SERVICES.map(deadLetters));
    const next = { intake: null, scheduling: null, session: null } as Record<Service, DeadLetter[] | null>;
    const failed: Partial<Record<Service, unknown>> = {};
    found.forEach((result, i) => {
      if (result.status === 'fulfilled') {
        next[SERVICES[i]] = result.value;
      } else {
        failed[SERVICES[i]] = result.reason;
      }
    });
    setLetters(next);
    setErrors(failed);
  };
  useEffect(() => {
    load();
  }, []);

  const rows = SERVICES.flatMap((service) => (letters[service] ?? []).map((letter) => ({ service, letter }))).sort(
    (a, b) => b.letter.parkedAt.localeCompare(a.letter.parkedAt),
  );
  const loaded = SERVICES.some((service) => letters[service] !== null);

  return (
    <section aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">Dead letters</h2>
      <p class="muted">
        Events a service set aside because it could not handle them. An outage never parks an event: the services
        wait until the database or broker is back. Replay one once its cause is fixed; an event already applied is
        not applied again.
      </p>
      {SERVICES.filter((service) => errors[service]).map((service) => (
        <div key={service} id={'dead-letters-' + service + '-error'}>
          <p>Could not read {service}'s dead letters:</p>
          <ProblemView error={errors[service]} />
        </div>
      ))}
      {replayed && (
        <p class="result" role="status" id="dead-letters-replayed">
          {replayed}
        </p>
      )}
      {loaded && rows.length === 0 && (
        <p id="dead-letters-none" class="muted">
          No dead letters.
        </p>
      )}
      {rows.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Dead letters, scrollable">
          <table id="dead-letters">
            <caption class="visually-hidden">Dead letters of every service, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Parked ({zoneLabel(props.zone)})</th>
                <th scope="col">Service</th>
                <th scope="col">Event</th>
                <th scope="col">Patient</th>
                <th scope="col">From</th>
                <th scope="col">Why</th>
                <th scope="col">Replays</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ service, letter }) => (
                <tr key={letter.id} id={'dead-letter-' + letter.id}>
                  <td>
                    <time dateTime={letter.parkedAt}>{formatTime(letter.parkedAt, props.zone)}</time>{' '}
                    <span class="muted">{letter.parkedAt.slice(0, 10)}</span>
                  </td>
                  <td>{service}</td>
                  <td>
                    {eventName(letter.eventType)}
                    {letter.eventId && <div class="muted">{letter.eventId}</div>}
                  </td>
                  <td>{letter.subject ?? <span class="muted">—</span>}</td>
                  <td>
                    {letter.originalTopic ?? '?'}
                    {letter.originalPartition !== null && `-${letter.originalPartition}@${letter.originalOffset}`}
                  </td>
                  <td>
                    {(letter.exception ?? '').split('.').pop()}
                    {letter.exceptionMessage && <div class="muted">{letter.exceptionMessage}</div>}
                  </td>
                  <td>
                    {letter.replays === 0
                      ? 'none'
                      : `${letter.replays}, last by ${letter.lastReplayedBy}: ${
                          outcomeWords[letter.lastReplayOutcome ?? ''] ?? letter.lastReplayOutcome
                        }`}
                  </td>
                  <td class="actions">
                    <ConfirmButton
                      id={'dead-letter-' + letter.id + '-replay'}
                      label="Replay"
                      question={`Hand this ${eventName(letter.eventType)} to ${service} again?`}
                      confirm="Replay"
                      onConfirm={async () => {
                        try {
                          const done = await replay(service, letter);
                          setReplayed(
                            done.outcome === 'APPLIED'
                              ? `The ${eventName(letter.eventType)} was applied.`
                              : `The ${eventName(letter.eventType)} had been applied before; nothing changed.`,
                          );
                        } finally {
                          await load();
                        }
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
