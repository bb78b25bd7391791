import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../../lib/time';

/** A session record as the session service lists it for the patient. */
export interface SessionSummary {
  id: string;
  status: string;
  stage: string;
  openedAt: string;
  position: string | null;
  chairName: string | null;
  timeZone: string | null;
  start: string | null;
  doseMg: number | null;
  phq9Total: number | null;
  nurseSignature: { signedBy: string } | null;
  clinicianSignature: { signedBy: string } | null;
}

const STAGE: Record<string, string> = {
  ARRIVED: 'arrived', CHECKED_IN: 'checked in', INFUSING: 'infusing', RECOVERING: 'recovering',
  READY_FOR_DISCHARGE: 'ready for discharge', DONE: 'done',
};

/** The patient's infusion sessions, the latest first, each on its site's clock. */
export function Sessions(props: { sessions: SessionSummary[] | null; clinicZone: string }) {
  const { sessions } = props;
  return (
    <section class="wide" aria-labelledby="sessions-heading" id="sessions">
      <h2 id="sessions-heading">Sessions</h2>
      {sessions === null && <p class="muted">Loading…</p>}
      {sessions?.length === 0 && <p class="muted">No session yet.</p>}
      {sessions && sessions.length > 0 && (
        <table id="session-list">
          <thead>
            <tr><th>When</th><th>Infusion</th><th>Chair</th><th>Where it stands</th><th>Dose</th><th>PHQ-9</th><th>Signed by</th></tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const zone = s.timeZone ?? props.clinicZone;
              return (
                <tr key={s.id} data-record-id={s.id}>
                  <td>{formatDateTime(s.start ?? s.openedAt, zone)} ({zoneLabel(zone)})</td>
                  <td>{s.position ?? ''}</td>
                  <td>{s.chairName ?? ''}</td>
                  <td>{STAGE[s.stage] ?? s.stage}</td>
                  <td>{s.doseMg === null ? '' : s.doseMg + ' mg'}</td>
                  <td>{s.phq9Total ?? ''}</td>
                  <td>{[s.nurseSignature?.signedBy, s.clinicianSignature?.signedBy].filter(Boolean).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
