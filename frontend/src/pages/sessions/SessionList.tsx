import { useEffect, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { chooseSite } from '../../lib/site';
import { SitePicker } from '../../components/SitePicker';
import { formatDay, formatTime, zoneLabel } from '../../lib/time';
import type { ScheduledSession } from './types';

interface Site {
  id: string;
  name: string;
  timeZone: string;
}

interface DayEntry extends ScheduledSession {
  progress: { stage: string } | null;
}

/** The day's infusions at a site, each a link to its chart (the Today board links to the charts too). */
export function SessionList(props: { siteFromUrl: string | null }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [siteId, setSiteId] = useState<string | null>(props.siteFromUrl);
  const [day, setDay] = useState<{ appointments: DayEntry[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<Site[]>('GET', '/api/scheduling/sites').then((found) => {
      setSites(found);
      setSiteId((current) => chooseSite(found, current));
    }, setError);
  }, []);

  useEffect(() => {
    if (siteId) {
      api<{ appointments: DayEntry[]; total: number }>('GET', '/api/session/appointments?size=200&site=' + encodeURIComponent(siteId))
        .then((found) => {
          setDay(found);
          setError(null);
        }, setError);
    }
  }, [siteId]);

  const site = sites.find((s) => s.id === siteId);
  const first = day?.appointments[0];
  return (
    <>
      <p class="toolbar">
        <SitePicker id="sessions-site" sites={sites} value={siteId} onPick={setSiteId} />
        {site && (
          <span class="muted">
            {first?.day ? formatDay(first.day) + ' · ' : 'Today · '}times in {zoneLabel(site.timeZone)}
          </span>
        )}
      </p>
      <ProblemView error={error} id="sessions-error" />
      {day && (
        <table id="sessions-list">
          <caption class="visually-hidden">The day's infusions at the site</caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              <th scope="col">Patient</th>
              <th scope="col">MRN</th>
              <th scope="col">Infusion</th>
              <th scope="col">Chair</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {day.appointments.map((a) => (
              <tr key={a.appointmentId} data-appointment-id={a.appointmentId}>
                <td>{formatTime(a.start, a.timeZone ?? site?.timeZone ?? 'UTC')}</td>
                <td>
                  <a href={'/sessions.html?appointment=' + encodeURIComponent(a.appointmentId)}>{a.patientName ?? 'Patient'}</a>
                </td>
                <td>{a.mrn}</td>
                <td>{a.position}</td>
                <td>{a.chairName}</td>
                <td>{a.recordId ? (a.progress?.stage ?? 'open').toLowerCase().replace(/_/g, ' ') : 'not open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {day && day.appointments.length === 0 && <p class="muted">No infusions at this site today.</p>}
    </>
  );
}
