import { ageOn, formatDate } from '../lib/dates';
import { type BannerCourse, type BannerPatient, bannerAlerts } from './patientBanner';

const STATUS: Record<string, string> = { REFERRED: 'Referred', SCREENED: 'Screened', CLEARED: 'Cleared', DECLINED: 'Declined' };

/**
 * The band across the top of every page about one patient: who they are (name, MRN, birth date and age, where they
 * are on the path) and what nobody may miss (suicide risk, open review flags, a paused course, a decline, an allergy).
 * {@code today}: the clinic's date, for the age.
 */
export function PatientBanner(props: { patient: BannerPatient; courses: BannerCourse[] | null; today: string | null }) {
  const { patient, courses, today } = props;
  const alerts = bannerAlerts(patient, courses);
  return (
    <section class="patient-banner" id="patient-banner" aria-label="Patient" data-patient-id={patient.id}>
      <p class="banner-who">
        <strong class="banner-name" id="banner-name">
          {patient.familyName}, {patient.givenName}
        </strong>
        <span>
          MRN <strong id="banner-mrn">{patient.mrn}</strong>
        </span>
        <span id="banner-born">
          born {formatDate(patient.birthDate)}
          {today && <> ({ageOn(patient.birthDate, today)} years)</>}
        </span>
        <span id="banner-status">{STATUS[patient.status] ?? patient.status}</span>
      </p>
      {alerts.length > 0 && (
        <ul class="banner-alerts" id="banner-alerts" aria-label="Alerts">
          {alerts.map((alert, i) => (
            <li key={i} class={'banner-alert alert-' + alert.kind} data-alert={alert.kind}>
              {alert.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
