import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { whenOn } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { adminApi, askEach, type Failed } from './adminApi';
import { SERVICES, type Service } from './services';
import type { DeadLetter } from './types';
import { ConfirmButton } from './ui';

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

/** A parked event and the service that parked it. */
export interface Parked {
  service: Service;
  letter: DeadLetter;
}

/** A parked event in its patient's group, with the patient's other parked events that its replay should mind. */
export interface ParkedRow extends Parked {
  /** The patient's events parked before this one and still waiting: replay them first. */
  earlier: Parked[];
  /** The patient's events parked after this one and still waiting: replay them after this one. */
  later: Parked[];
  /** The patient's events parked after this one and replayed already: this one would now be applied after them. */
  replayedLater: Parked[];
}

export interface PatientGroup {
  key: string;
  /** The patient the events are about (the events' subject); null for an event that could not be read. */
  subject: string | null;
  rows: ParkedRow[];
}

/** Whether a parked event still waits for a replay: never replayed, or its last replay failed. */
export function stillWaiting(letter: DeadLetter): boolean {
  return letter.lastReplayOutcome !== 'APPLIED' && letter.lastReplayOutcome !== 'ALREADY_HANDLED';
}

/** An instant's milliseconds, for comparing: ISO strings do not sort as text ("…:00Z" against "…:00.5Z"). */
function millis(at: string): number {
  return Date.parse(at) || 0;
}

/** Oldest first; from one partition of one topic, the order they were published in when parked at the same time. */
function parkedOrder(a: Parked, b: Parked): number {
  const x = a.letter;
  const y = b.letter;
  const samePartition = x.originalTopic === y.originalTopic && x.originalPartition === y.originalPartition;
  return (
    millis(x.parkedAt) - millis(y.parkedAt) ||
    (samePartition && x.originalOffset !== null && y.originalOffset !== null ? x.originalOffset - y.originalOffset : 0) ||
    x.id.localeCompare(y.id)
  );
}

/** Two services may each park their copy of one event: that is not a later event of the patient. */
const sameEvent = (a: Parked, b: Parked) => a.letter.eventId !== null && a.letter.eventId === b.letter.eventId;

/**
 * The parked events in the order to replay them: by patient (a booking and its cancellation must be applied in
 * their order, or a cancelled infusion comes back on the nurse's list), each patient's oldest first; the patient
 * with the latest event first. Each row names the patient's other events that its replay should come before or after.
 */
export function replayOrder(parked: Parked[]): PatientGroup[] {
  const byPatient = new Map<string, Parked[]>();
  for (const item of parked) {
    // an event without a subject ties no events together: a group of its own
    const key = item.letter.subject !== null ? 'patient:' + item.letter.subject : 'letter:' + item.service + ':' + item.letter.id;
    byPatient.set(key, [...(byPatient.get(key) ?? []), item]);
  }
  const groups = [...byPatient.entries()].map(([key, items]) => {
    const sorted = [...items].sort(parkedOrder);
    return {
      key,
      subject: sorted[0].letter.subject,
      rows: sorted.map((item, i) => {
        const before = sorted.slice(0, i).filter((other) => !sameEvent(item, other));
        const after = sorted.slice(i + 1).filter((other) => !sameEvent(item, other));
        return {
          ...item,
          earlier: before.filter((other) => stillWaiting(other.letter)),
          later: after.filter((other) => stillWaiting(other.letter)),
          replayedLater: after.filter((other) => !stillWaiting(other.letter)),
        };
      }),
    };
  });
  const latest = (group: PatientGroup) => millis(group.rows[group.rows.length - 1].letter.parkedAt);
  return groups.sort((a, b) => latest(b) - latest(a));
}

const named = (items: Parked[]) =>
  items.map((item) => `${eventName(item.letter.eventType)} (${item.service})`).join(', ');

/** What to mind before replaying a row: its patient's other parked events, in words; nothing once it is replayed. */
export function orderWarnings(row: ParkedRow): string[] {
  if (!stillWaiting(row.letter)) {
    return [];
  }
  const warnings: string[] = [];
  if (row.earlier.length > 0) {
    warnings.push(`Replay the earlier one first: this patient's ${named(row.earlier)}, parked before this one, still waits.`);
  }
  if (row.later.length > 0) {
    warnings.push(`A later event of this patient is parked too, ${named(row.later)}: replay this one first, then the later one.`);
  }
  if (row.replayedLater.length > 0) {
    warnings.push(
      `A later event of this patient, ${named(row.replayedLater)}, was replayed already: this one would now be applied after it.`,
    );
  }
  return warnings;
}

/**
 * What the three services' consumers parked in their dead-letter topics (events they could not read, that broke
 * their producer's contract, or that failed after their retries), by patient in the order to replay them, each with
 * why and when (on the clinic's clock, {@code zone}: dead letters belong to no site), and a Replay that asks first:
 * a replayed event is handed to the service's inbox, so it is applied at most once.
 */
export function DeadLettersSection(props: { zone: string }) {
  const [parked, setParked] = useState<Parked[] | null>(null);
  const [failures, setFailures] = useState<Failed<Service>[]>([]);
  const [replayed, setReplayed] = useState<string | null>(null);
  // the read last started: an earlier one answering late is dropped
  const reading = useRef(0);

  const load = async () => {
    const mine = ++reading.current;
    const { answered, failed } = await askEach(
      SERVICES.map((s) => s.key),
      adminApi.deadLetters,
    );
    if (mine !== reading.current) {
      return;
    }
    setParked(answered.length > 0 ? answered.flatMap(({ source, value }) => value.map((letter) => ({ service: source, letter }))) : null);
    setFailures(failed);
  };
  useEffect(() => {
    load();
  }, []);

  const groups = replayOrder(parked ?? []);
  const rows = groups.flatMap((group) => group.rows);

  return (
    <section aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">Dead letters</h2>
      <p class="muted">
        Events a service set aside because it could not handle them. An outage never parks an event: the services
        wait until the database or broker is back. Replay one once its cause is fixed; an event already applied is
        not applied again.
      </p>
      {failures.map(({ source: service, error }) => (
        <div key={service} id={'dead-letters-' + service + '-error'}>
          <p>Could not read {service}'s dead letters:</p>
          <ProblemView error={error} />
        </div>
      ))}
      {replayed && (
        <p class="result" role="status" id="dead-letters-replayed">
          {replayed}
        </p>
      )}
      {parked !== null && rows.length === 0 && (
        <p id="dead-letters-none" class="muted">
          No dead letters.
        </p>
      )}
      {rows.length > 0 && (
        <p class="warning" id="dead-letters-order">
          A parked event is about one patient: that patient's later events may be waiting behind it. The list is by
          patient, each patient's oldest first; replay them in that order.
        </p>
      )}
      {rows.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Dead letters, scrollable">
          <table id="dead-letters">
            <caption class="visually-hidden">
              Dead letters of every service by patient, the patient with the latest first; each patient's oldest
              first, the order to replay them in
            </caption>
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
            {groups.map((group) => (
              <tbody key={group.key} class="dead-letter-patient">
                {group.rows.map((row) => (
                  <DeadLetterRow
                    key={row.service + ':' + row.letter.id}
                    row={row}
                    zone={props.zone}
                    onReplayed={setReplayed}
                    reload={load}
                  />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

/** One parked event: when, where from, why, its replays, what to mind about its patient's others, and Replay. */
function DeadLetterRow(props: {
  row: ParkedRow;
  zone: string;
  onReplayed: (words: string) => void;
  reload: () => Promise<void>;
}) {
  const { row, zone } = props;
  const { service, letter } = row;
  const warnings = orderWarnings(row);
  return (
    <tr id={'dead-letter-' + letter.id}>
      <td>
        <time dateTime={letter.parkedAt}>{whenOn(letter.parkedAt, zone)}</time>
      </td>
      <td>{service}</td>
      <td>
        {eventName(letter.eventType)}
        {letter.eventId && <div class="muted">{letter.eventId}</div>}
        {warnings.length > 0 && (
          <p class="warning" id={'dead-letter-' + letter.id + '-order'}>
            {warnings.join(' ')}
          </p>
        )}
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
          question={[`Hand this ${eventName(letter.eventType)} to ${service} again?`, ...warnings].join(' ')}
          confirm="Replay"
          onConfirm={async () => {
            try {
              const done = await adminApi.replayDeadLetter(service, letter);
              props.onReplayed(
                done.outcome === 'APPLIED'
                  ? `The ${eventName(letter.eventType)} was applied.`
                  : `The ${eventName(letter.eventType)} had been applied before; nothing changed.`,
              );
            } finally {
              await props.reload();
            }
          }}
        />
      </td>
    </tr>
  );
}
