import { useCallback, useEffect, useState } from 'preact/hooks';
import { PatientBanner } from '../../components/PatientBanner';
import { ProblemView } from '../../components/ProblemView';
import { ApiError, api } from '../../lib/api';
import { type ClinicClock, loadClinicClock } from '../../lib/clinic';
import { type Me, hasAnyRole } from '../../lib/me';
import { ContactReminders } from './ContactReminders';
import { CourseTimeline } from './CourseTimeline';
import { Decisions } from './Decisions';
import { Details } from './Details';
import { Outcomes } from './Outcomes';
import { Referrals } from './Referrals';
import { ScreeningForm } from './ScreeningForm';
import { Screenings } from './Screenings';
import { type SessionSummary, Sessions } from './Sessions';
import { chairZones } from './course';
import type { OutcomeTrend } from './outcomes';
import type { Course, PatientContact, PatientDetails, Reminder } from './types';

/**
 * One patient's chart: the banner, details and referrals (the front desk changes them), for the front desk the
 * patient's contact, consent to reminders and the reminders sent, the course as a timeline;
 * for clinical staff the screenings, decisions, sessions and PHQ-9 over time; for a clinician the screening and
 * decision forms. What a role may not do it does not see (and the services refuse it anyway).
 */
export function PatientPage(props: { me: Me; patientId: string | null }) {
  const { me, patientId } = props;
  const clinical = hasAnyRole(me, 'nurse', 'clinician', 'admin');
  const clinician = hasAnyRole(me, 'clinician');
  const desk = hasAnyRole(me, 'front-desk', 'admin');
  const [patient, setPatient] = useState<PatientDetails | null>(null);
  const [clock, setClock] = useState<ClinicClock | null>(null);
  const [courses, setCourses] = useState<Course[] | null>(null);
  const [zones, setZones] = useState<Map<string, string>>(new Map());
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [trend, setTrend] = useState<OutcomeTrend | null>(null);
  const [contact, setContact] = useState<PatientContact | null>(null);
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const path = '/api/intake/patients/' + encodeURIComponent(patientId ?? '');
  const reload = useCallback(async () => {
    if (!patientId) return;
    try {
      setPatient(await api<PatientDetails>('GET', path));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
    if (clinical) {
      api<OutcomeTrend>('GET', path + '/outcomes?instrument=PHQ-9').then(setTrend, setError);
      api<SessionSummary[]>('GET', '/api/session/records?patientId=' + encodeURIComponent(patientId)).then(setSessions, setError);
    }
    if (desk) {
      api<PatientContact>('GET', path + '/contact').then(setContact, setError);
      api<Reminder[]>('GET', path + '/reminders').then(setReminders, setError);
    }
    api<Course[]>('GET', '/api/scheduling/courses?patientId=' + encodeURIComponent(patientId)).then(setCourses, setError);
  }, [patientId, clinical, desk, path]);

  useEffect(() => {
    reload();
    loadClinicClock().then(async (found) => {
      setClock(found);
      const chairs = await api<{ id: string; siteId: string }[]>('GET', '/api/scheduling/chairs?includeInactive=true');
      setZones(chairZones(chairs, found.sites));
    }, setError);
  }, [reload]);

  if (!patientId) {
    return <ProblemView error={new ApiError(400, { title: 'No patient chosen', detail: 'Open a patient from the Patients page.' })} />;
  }
  if (!patient) {
    return error ? <ProblemView error={error} id="patient-error" /> : <p class="muted">Loading…</p>;
  }
  const zone = clock?.zone ?? 'UTC';
  return (
    <>
      <PatientBanner patient={patient} courses={courses} today={clock?.today ?? null} />
      <ProblemView error={error} id="patient-error" />
      <div class="chart-grid">
        {clinical && <Outcomes trend={trend} zone={zone} />}
        <CourseTimeline courses={courses} zones={zones} clinicZone={zone} />
        {clinical && (
          <Decisions patientId={patient.id} decisions={patient.decisions ?? []} screenings={patient.screenings ?? []} zone={zone}
            canSign={clinician} onSigned={reload} />
        )}
        {clinical && <Sessions sessions={sessions} clinicZone={zone} />}
        {clinical && <Screenings screenings={patient.screenings ?? []} zone={zone} />}
        <Details patient={patient} canEdit={desk} onChanged={reload} />
        <Referrals patientId={patient.id} referrals={patient.referrals} zone={zone} canAdd={desk} onAdded={reload} />
        {desk && (
          <ContactReminders patientId={patient.id} contact={contact} reminders={reminders} courses={courses} zones={zones}
            zone={zone} onSaved={setContact} />
        )}
        {clinician && <ScreeningForm patientId={patient.id} onRecorded={() => reload()} />}
      </div>
    </>
  );
}
