import { DecisionForm } from '../../components/DecisionForm';
import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';
import { outcomeWords } from './ScreeningForm';
import type { Decision, Screening } from './types';

/** The latest of a patient's decisions, the one a new decision supersedes. */
export function latestDecision(decisions: Decision[]): Decision | null {
  return [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)).pop() ?? null;
}

/**
 * The signed eligibility decisions, the latest first (each superseded one marked), and for a clinician the form to
 * sign one on the latest screening.
 */
export function Decisions(props: { patientId: string; decisions: Decision[]; screenings: Screening[]; zone: string;
  canSign: boolean; onSigned: () => void }) {
  const decisions = [...props.decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  const superseded = new Set(decisions.map((d) => d.supersedesId).filter(Boolean));
  const screening = [...props.screenings].sort((a, b) => a.screenedAt.localeCompare(b.screenedAt)).pop();
  const latest = latestDecision(props.decisions);
  return (
    <section class="wide" aria-labelledby="decisions-heading" id="decisions">
      <h2 id="decisions-heading">Eligibility decisions</h2>
      {decisions.length === 0 && <p class="muted">No decision signed yet.</p>}
      {decisions.length > 0 && (
        <table id="decision-list">
          <thead><tr><th>Signed ({zoneLabel(props.zone)})</th><th>Decision</th><th>By</th><th>Dose plan</th><th>Reason</th></tr></thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id} data-decision-id={d.id} class={superseded.has(d.id) ? 'superseded' : undefined}>
                <td>{formatDateTime(d.decidedAt, props.zone)}</td>
                <td>
                  {outcomeWords(d.outcome)}
                  {superseded.has(d.id) && <span class="muted"> (superseded)</span>}
                </td>
                <td>{d.decidedBy}</td>
                <td>{d.dosePlan ? d.dosePlan.route + ' ' + d.dosePlan.mgPerKg + ' mg/kg' : ''}</td>
                <td>{d.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canSign && screening && (
        <>
          <h3>Sign a decision on the screening of {formatDateTime(screening.screenedAt, props.zone)}</h3>
          <DecisionForm key={screening.id + (latest?.id ?? '')} idPrefix="decision" patientId={props.patientId}
            screeningId={screening.id} proposed={screening.proposal.outcome} latest={latest} zone={props.zone}
            onSigned={props.onSigned} />
        </>
      )}
    </section>
  );
}
