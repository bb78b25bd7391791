import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { ApiError, type Problem, api } from '../../lib/api';
import { type Me, hasAnyRole } from '../../lib/me';
import { zoneLabel } from '../../lib/time';
import { AddendaSection } from './AddendaSection';
import { Banner, type IntakePatient } from './Banner';
import { CheckInSection } from './CheckInSection';
import { DischargeSection } from './DischargeSection';
import { DoseSection } from './DoseSection';
import { type EntryDraft, FormProblem } from './fields';
import { AlertsSection, NotesSection } from './NotesSections';
import { PendingEntries } from './PendingEntries';
import { EntryQueue, type Outcome } from './queue';
import { sendEntry } from './send';
import type { ScheduledSession, SessionRecord, VitalsSeries } from './types';
import { VitalsSection } from './VitalsSection';

/** How often the chart reads the record again: another user's entry shows within this. */
export const REFRESH_MS = 10_000;

/** The browser's storage for the page, or null where it keeps none (then entries live only as long as the page). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isRecord(data: unknown, id: string): data is SessionRecord {
  return !!data && typeof data === 'object' && (data as SessionRecord).id === id && 'version' in data;
}

const path = (id: string) => '/api/session/records/' + encodeURIComponent(id);

/**
 * The session chart at the chair for one booked appointment: the patient banner, opening the record, then the chart
 * from check-in to signed discharge. Every entry goes through the page's {@link EntryQueue}: kept on the tablet until
 * answered, sent again while no answer comes, recognised by the service when it arrives twice. The record is read
 * again every few seconds and after each entry; what each role may do decides which forms and buttons show.
 */
export function SessionChart(props: { me: Me; appointmentId: string; queue?: EntryQueue }) {
  const { me, appointmentId } = props;
  const isNurse = hasAnyRole(me, 'nurse');
  const isClinician = hasAnyRole(me, 'clinician');
  const canNote = isNurse || isClinician;
  const allowed = hasAnyRole(me, 'nurse', 'clinician', 'admin');
  const [appointment, setAppointment] = useState<ScheduledSession | null>(null);
  const [patient, setPatient] = useState<IntakePatient | null>(null);
  const [record, setRecord] = useState<SessionRecord | null>(null);
  const [series, setSeries] = useState<VitalsSeries | null>(null);
  const [loadProblem, setLoadProblem] = useState<unknown>(null);
  const [openProblem, setOpenProblem] = useState<Problem | null>(null);
  const [opening, setOpening] = useState(false);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [skew, setSkew] = useState(0);
  const [now, setNow] = useState(Date.now());
  const queue = useMemo(
    () => props.queue ?? new EntryQueue({ send: sendEntry, user: me.username, storage: browserStorage() }),
    [props.queue, me.username],
  );
  const [entries, setEntries] = useState(queue.entries());
  const latest = useRef<SessionRecord | null>(null);
  latest.current = record;

  const showRecord = useCallback((found: SessionRecord) => {
    setRecord(found);
    setSkew(Date.parse(found.asOf) - Date.now());
  }, []);

  const load = useCallback(async () => {
    if (!allowed) {
      return;
    }
    try {
      const found = await api<ScheduledSession>('GET', '/api/session/appointments/' + encodeURIComponent(appointmentId));
      setAppointment(found);
      const recordId = found.recordId ?? latest.current?.id;
      if (recordId) {
        const [chart, vitals] = await Promise.all([
          api<SessionRecord>('GET', path(recordId)),
          api<VitalsSeries>('GET', path(recordId) + '/vitals-series'),
        ]);
        showRecord(chart);
        setSeries(vitals);
      }
      setLoadProblem(null);
      // an answer came: whatever the browser said, the clinic can be reached
      setOnline(true);
    } catch (failure) {
      setLoadProblem(failure);
    }
  }, [appointmentId, showRecord, allowed]);

  useEffect(() => {
    void load();
    const refresh = window.setInterval(() => navigator.onLine && void load(), REFRESH_MS);
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      window.clearInterval(refresh);
      window.clearInterval(tick);
    };
  }, [load]);

  const patientId = appointment?.patientId;
  useEffect(() => {
    if (patientId && allowed) {
      api<IntakePatient>('GET', '/api/intake/patients/' + encodeURIComponent(patientId)).then(setPatient, () => setPatient(null));
    }
  }, [patientId, allowed]);

  useEffect(() => {
    const unsubscribe = queue.subscribe(() => {
      setEntries(queue.entries());
      void load();
    });
    const back = () => {
      setOnline(true);
      void queue.retryNow();
      void load();
    };
    const gone = () => setOnline(false);
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    void queue.flush();
    return () => {
      unsubscribe();
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
    };
  }, [queue, load]);

  const submit = useCallback(
    async (draft: EntryDraft): Promise<Outcome> => {
      const current = latest.current;
      if (!current) {
        return { kind: 'refused', status: 0, problem: { title: 'No record is open' } };
      }
      const outcome = await queue.add({
        recordId: current.id,
        url: path(current.id) + '/' + draft.step,
        body: draft.body,
        baseVersion: draft.versioned ? current.version : null,
        label: draft.label,
      });
      if (outcome.kind === 'saved' && isRecord(outcome.data, current.id)) {
        showRecord(outcome.data);
      }
      return outcome;
    },
    [queue, showRecord],
  );

  async function openRecord() {
    setOpening(true);
    try {
      showRecord(await api<SessionRecord>('POST', '/api/session/records', { appointmentId }));
      setOpenProblem(null);
    } catch (failure) {
      setOpenProblem(failure instanceof ApiError ? failure.problem : { title: 'The clinic cannot be reached' });
    } finally {
      setOpening(false);
      void load();
    }
  }

  if (!allowed) {
    return <p id="chart-not-allowed">The session chart is for nurses and clinicians.</p>;
  }
  if (!appointment) {
    return loadProblem ? <ProblemView error={loadProblem} id="chart-load-problem" /> : <p class="muted">Loading…</p>;
  }
  const zone = appointment.timeZone ?? 'UTC';
  const clock = now + skew;
  return (
    <div class="chart" id="session-chart" data-record-id={record?.id ?? ''} data-record-version={record?.version ?? ''}>
      <Banner appointment={appointment} patient={patient} record={record} zone={zone} />
      {loadProblem && online && <ProblemView error={loadProblem} id="chart-load-problem" />}
      <PendingEntries
        entries={entries.filter((entry) => !record || entry.recordId === record.id)}
        user={me.username}
        online={online}
        persistent={queue.persistent}
        zone={zone}
        onRetry={() => void queue.retryNow()}
        onDiscard={(key) => queue.discard(key)}
        onSendAgain={(key) => void queue.sendAgain(key, latest.current?.version ?? 0)}
      />
      {!record ? (
        <section aria-labelledby="open-heading" id="open-record">
          <h2 id="open-heading">Session record</h2>
          <p id="open-record-words">
            The record is not open yet. A nurse opens it at the chair on the infusion's day, before the check-in; the
            check-in, vitals, dose and discharge are charted in it.
          </p>
          <FormProblem problem={openProblem} id="open-record-problem" what="The record cannot be opened now" fields={[]} />
          {isNurse ? (
            <button type="button" id="open-record-button" disabled={opening} onClick={openRecord}>
              Open the record
            </button>
          ) : (
            <p class="muted">A nurse opens the record at the chair.</p>
          )}
        </section>
      ) : (
        <>
          <nav class="chart-nav" aria-label="Chart sections">
            <a href="#check-in">Check-in</a>
            <a href="#vitals">Vitals</a>
            <a href="#dose">Dose</a>
            {record.alerts.length > 0 && <a href="#alerts">Alerts</a>}
            <a href="#side-effects">Side effects</a>
            <a href="#adverse-events">Adverse events</a>
            <a href="#discharge">Discharge</a>
            <a href="#addenda">Addenda</a>
            <a id="summary-link" href={path(record.id) + '/summary'} target="_blank" rel="noopener">
              Printable summary
            </a>
          </nav>
          <p class="muted">Times in {zoneLabel(zone)} time (the site's clock).</p>
          <AlertsSection record={record} zone={zone} canNote={canNote} submit={submit} />
          <CheckInSection record={record} zone={zone} canChart={isNurse} submit={submit} />
          <VitalsSection record={record} series={series} zone={zone} now={clock} canChart={isNurse} isClinician={isClinician}
            submit={submit} />
          <DoseSection record={record} zone={zone} now={clock} canChart={isNurse} submit={submit} />
          <NotesSection record={record} zone={zone} canNote={canNote} submit={submit} />
          <DischargeSection record={record} zone={zone} isNurse={isNurse} isClinician={isClinician} submit={submit} />
          <AddendaSection record={record} zone={zone} canNote={canNote} submit={submit} />
        </>
      )}
    </div>
  );
}
