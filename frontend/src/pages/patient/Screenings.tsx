import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { outcomeWords } from './ScreeningForm';
import { bandWords } from './screening';
import type { Reason, Screening } from './types';

/** The rules that fired, each with the answer that triggered it. */
export function Reasons(props: { reasons: Reason[]; id?: string }) {
  if (props.reasons.length === 0) {
    return <p class="muted">No rule fired.</p>;
  }
  return (
    <table class="reasons" id={props.id}>
      <thead><tr><th>Rule that fired</th><th>Answer that triggered it</th><th>Kind</th></tr></thead>
      <tbody>
        {props.reasons.map((r) => (
          <tr key={r.ruleId} data-rule-id={r.ruleId}>
            <td>{r.description}</td>
            <td>{r.answer}</td>
            <td>{r.severity === 'ABSOLUTE' ? 'contraindication' : 'for review'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The patient's screenings, the latest first, each with its scores and the rules' proposal. */
export function Screenings(props: { screenings: Screening[]; zone: string }) {
  const screenings = [...props.screenings].sort((a, b) => b.screenedAt.localeCompare(a.screenedAt));
  return (
    <section class="wide" aria-labelledby="screenings-heading" id="screenings">
      <h2 id="screenings-heading">Screenings</h2>
      {screenings.length === 0 && <p class="muted">No screening yet.</p>}
      {screenings.map((s) => (
        <article class="screening" key={s.id} data-screening-id={s.id}>
          <h3>
            {formatDateTime(s.screenedAt, props.zone)} ({zoneLabel(props.zone)}) by {s.screenedBy}
          </h3>
          <p>
            PHQ-9 <strong>{s.phq9Total}</strong> ({bandWords(s.phq9Band)})
            {s.gad7 && <> · GAD-7 {s.gad7.total} ({bandWords(s.gad7.band)})</>}
            {s.pcl5 && <> · PCL-5 {s.pcl5.total}{s.pcl5.probablePtsd ? ' (probable PTSD)' : ''}</>}
            {s.cssrs && <> · C-SSRS {s.cssrs.highRisk ? 'high risk' : 'not high risk'}</>}
            {' '}· BP {s.vitals.systolic}/{s.vitals.diastolic} · {s.vitals.weightKg} kg
            {s.urgent && <strong class="warning"> · suicide risk: urgent</strong>}
          </p>
          <p>
            Proposed: <strong class="proposal">{outcomeWords(s.proposal.outcome)}</strong>
          </p>
          <Reasons reasons={s.proposal.reasons} />
        </article>
      ))}
    </section>
  );
}
