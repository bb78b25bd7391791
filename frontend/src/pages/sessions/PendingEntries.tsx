import { useState } from 'preact/hooks';
import { formatTime } from '../../lib/time';
import type { ChartEntry } from './queue';

/**
 * The entries kept on this tablet until the session service has answered them: those waiting (the network is down,
 * or the service did not answer), and those it refused after the form was closed, each with what the nurse can do.
 * Nothing shows while every entry is answered and the network is up.
 */
export function PendingEntries(props: {
  entries: ChartEntry[];
  user: string;
  online: boolean;
  persistent: boolean;
  zone: string;
  onRetry: () => void;
  onDiscard: (key: string) => void;
  onSendAgain: (key: string) => void;
}) {
  const { entries, user, zone } = props;
  if (entries.length === 0 && props.online && props.persistent) {
    return null;
  }
  const waiting = entries.filter((entry) => entry.state === 'waiting' && entry.madeBy === user);
  return (
    <section class="attention" id="pending-entries" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Entries kept on this tablet</h2>
      <p id="connection-status" role="status" class={props.online ? undefined : 'warning'} data-online={String(props.online)}>
        {props.online
          ? waiting.length > 0
            ? `${waiting.length} entr${waiting.length === 1 ? 'y is' : 'ies are'} being sent.`
            : 'Connected.'
          : 'The tablet is offline: entries are kept here and sent as soon as the network is back.'}
      </p>
      {!props.persistent && (
        <p class="warning">This browser keeps nothing for the page: entries not yet sent are lost if the page is closed.</p>
      )}
      <ul class="entries">
        {entries.map((entry) => (
          <PendingEntry key={entry.key} entry={entry} user={user} zone={zone} onDiscard={props.onDiscard}
            onSendAgain={props.onSendAgain} />
        ))}
      </ul>
      {waiting.length > 0 && (
        <button type="button" class="secondary" id="pending-send-now" onClick={props.onRetry}>
          Send now
        </button>
      )}
    </section>
  );
}

function PendingEntry(props: {
  entry: ChartEntry;
  user: string;
  zone: string;
  onDiscard: (key: string) => void;
  onSendAgain: (key: string) => void;
}) {
  const { entry } = props;
  const [confirming, setConfirming] = useState(false);
  const made = 'made at ' + formatTime(entry.madeAt, props.zone) + (entry.madeBy === props.user ? '' : ' by ' + entry.madeBy);
  return (
    <li data-entry-state={entry.state} data-entry-key={entry.key} class={entry.state === 'waiting' ? undefined : 'warning-item'}>
      <strong>{entry.label}</strong> <span class="muted">({made})</span>{' '}
      {entry.state === 'waiting' &&
        (entry.madeBy === props.user
          ? entry.attempts > 0
            ? `waiting to be sent (tried ${entry.attempts} time${entry.attempts === 1 ? '' : 's'})`
            : 'being sent'
          : `sent when ${entry.madeBy} signs in on this tablet`)}
      {entry.state !== 'waiting' && (
        <>
          <span class="warning">{entry.state === 'conflict' ? 'not saved: the record changed' : 'refused'}</span>
          {entry.problem?.detail && <p>{entry.problem.detail}</p>}
          {entry.problem?.errors?.map((error) => (
            <p key={error.field}>{error.message}</p>
          ))}
        </>
      )}
      {entry.state === 'waiting' && entry.problem?.status === 401 && <p class="warning">{entry.problem.detail}</p>}
      {entry.madeBy === props.user && (
        <div class="entry-actions">
          {entry.state === 'conflict' && !confirming && (
            <button type="button" onClick={() => props.onSendAgain(entry.key)}>
              Save it on the record as it is now
            </button>
          )}{' '}
          {confirming ? (
            <span role="group" aria-label="Discard the entry">
              <span class="warning">It will not be recorded. </span>
              <button type="button" onClick={() => props.onDiscard(entry.key)}>
                Discard it
              </button>{' '}
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            entry.state !== 'waiting' && (
              <button type="button" class="secondary" onClick={() => setConfirming(true)}>
                Discard…
              </button>
            )
          )}
        </div>
      )}
    </li>
  );
}
