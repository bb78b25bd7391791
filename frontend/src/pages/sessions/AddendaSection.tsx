import { useState } from 'preact/hooks';
import { formatTime } from '../../lib/time';
import { FormProblem, Notice, type Submit, TextAreaField, missing, textOf, useEntry } from './fields';
import type { SessionRecord } from './types';

/** Corrections and late notes, with author and time; taken also once the record is signed. */
export function AddendaSection(props: { record: SessionRecord; zone: string; canNote: boolean; submit: Submit }) {
  const { record, zone } = props;
  return (
    <section aria-labelledby="addenda-heading" id="addenda">
      <h2 id="addenda-heading">Addenda</h2>
      <ul class="entries" id="addenda-list">
        {record.addenda.map((addendum) => (
          <li key={addendum.id}>
            {addendum.writtenBy}, {formatTime(addendum.writtenAt, zone)}: {addendum.text}
          </li>
        ))}
      </ul>
      {record.addenda.length === 0 && <p class="muted">None.</p>}
      {props.canNote && <AddendumForm submit={props.submit} />}
    </section>
  );
}

function AddendumForm(props: { submit: Submit }) {
  const [text, setText] = useState('');
  const entry = useEntry(props.submit);
  function onSubmit(event: Event) {
    event.preventDefault();
    const empty = missing({ text: textOf(text) });
    if (empty) {
      entry.refuse(empty);
      return;
    }
    void entry.send({ step: 'addenda', body: { text: textOf(text) }, label: 'Addendum', versioned: false }, () => setText(''));
  }
  return (
    <form id="addendum-form" novalidate onSubmit={onSubmit}>
      <FormProblem problem={entry.problem} id="addendum-problem" what="The addendum was not added" fields={['text']} />
      <TextAreaField id="addendum-text" label="Correction or late note" value={text} onInput={setText} error={entry.error('text')} required />
      <button type="submit" id="addendum-button" disabled={entry.busy}>
        Add the addendum
      </button>
      <Notice text={entry.notice} id="addendum-notice" />
    </form>
  );
}
