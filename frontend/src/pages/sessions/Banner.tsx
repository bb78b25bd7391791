import { formatDate } from '../../lib/dates';
import { formatDay, formatTime, zoneLabel } from '../../lib/time';
import type { SafetyAlert } from '../../components/patientBanner';
import type { ScheduledSession, SessionRecord } from './types';

/** The patient as intake knows them: what the banner adds to the session service's name and MRN. */
export interface IntakePatient {
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  /** Intake's alerts about the patient (suicide risk at screening, a decline, a ketamine hypersensitivity), as worded there. */
  safetyAlerts?: SafetyAlert[];
}

/** Whole years from a birth date to a calendar date (both yyyy-mm-dd). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const STAGE: Record<string, string> = { PRE_DOSE: 'before the dose', INFUSION: 'infusing', RECOVERY: 'recovering' };

/**
 * Who is in the chair, before anything else on the page (a wrong-patient risk otherwise): name, MRN, birth date and
 * age, which infusion of the course, chair, site and time on the site's clock with its zone named, and what holds the
 * session up (dosing paused, a course not active, the PHQ-9 suicide-risk flag), and intake's alerts about the patient
 * (a ketamine hypersensitivity matters most at the chair), in intake's words.
 */
export function Banner(props: { appointment: ScheduledSession; patient: IntakePatient | null; record: SessionRecord | null; zone: string }) {
  const { appointment, patient, record, zone } = props;
  const name = patient ? patient.givenName + ' ' + patient.familyName : (appointment.patientName ?? record?.patientName ?? 'Patient');
  const mrn = patient?.mrn ?? appointment.mrn;
  const birth = patient?.birthDate ?? null;
  const today = appointment.day;
  return (
    <section class="patient-banner" id="patient-banner" aria-labelledby="patient-name">
      <h2 id="patient-name">{name}</h2>
      <dl class="banner-facts">
        <div>
          <dt>MRN</dt>
          <dd id="banner-mrn">{mrn ?? 'not known yet'}</dd>
        </div>
        {birth && (
          <div>
            <dt>Born</dt>
            <dd id="banner-birth">
              {formatDate(birth)}
              {today && ' (' + ageOn(birth, today) + ' y)'}
            </dd>
          </div>
        )}
        <div>
          <dt>Session</dt>
          <dd id="banner-position">{appointment.position}</dd>
        </div>
        <div>
          <dt>Chair</dt>
          <dd id="banner-chair">
            {appointment.chairName}
            {appointment.siteName && ' · ' + appointment.siteName}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd id="banner-time">
            {today && formatDay(today) + ', '}
            {formatTime(appointment.start, zone)}–{formatTime(appointment.end, zone)} ({zoneLabel(zone)} time)
          </dd>
        </div>
        <div>
          <dt>Record</dt>
          <dd id="banner-status">
            {!record ? 'not open' : record.status === 'COMPLETED' ? 'completed and signed' : STAGE[record.phase]}
          </dd>
        </div>
      </dl>
      {appointment.dosingPaused && (
        <p class="warning" id="banner-paused">
          Dosing is paused by an adverse event until a clinician resumes the course.
        </p>
      )}
      {appointment.courseStatus && !['ACTIVE', 'COMPLETED'].includes(appointment.courseStatus) && (
        <p class="warning">The course is {appointment.courseStatus.toLowerCase().replace('_', ' ')}.</p>
      )}
      {(patient?.safetyAlerts ?? []).map((alert) => (
        <p class="warning" id={'banner-alert-' + alert.kind} key={alert.kind + alert.text}>
          {alert.text}
        </p>
      ))}
      {record?.checkIn?.phq9SuicideRiskFlag && (
        <p class="warning" id="banner-suicide-risk">
          PHQ-9 item 9 answered above 0 at check-in: suicide-risk flag, tell the clinician.
        </p>
      )}
    </section>
  );
}
