import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ProblemView } from '../../components/ProblemView';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { chooseSite } from '../../lib/site';
import { SitePicker } from '../../components/SitePicker';
import { type Me, hasAnyRole } from '../../lib/me';
import { formatDay, formatTime, zoneLabel } from '../../lib/time';
import {
  type Consultation,
  type Day,
  type FreeSlot,
  type Listing,
  type PatientSummary,
  PATIENT_DAYS,
  SEARCH_DELAY_MS,
  type Site,
  addDays,
  byDay,
  fieldError,
  localDate,
  notKnownYet,
  reasonProblem,
  referredOnly,
  searchable,
  statusLabel,
  typedDate,
} from './model';

/**
 * Consultation first: the front desk finds a referred patient, sees the free consultation slots at a site and books
 * one in a click, and keeps the booked consultations (arrival, no-show, a move to another slot, a cancellation with
 * a reason after a confirmation); a clinician sees their own consultations of a day. Each role sees only its part.
 */
export function Consultations(props: { me: Me; siteFromUrl: string | null }) {
  const booksConsultations = hasAnyRole(props.me, 'front-desk', 'admin');
  const holdsConsultations = hasAnyRole(props.me, 'clinician');
  return (
    <>
      {booksConsultations && <FrontDesk siteFromUrl={props.siteFromUrl} />}
      {holdsConsultations && <MyConsultations />}
      {!booksConsultations && !holdsConsultations && (
        <p class="muted" id="consult-nothing">
          Consultations are booked by the front desk and held by clinicians.
        </p>
      )}
    </>
  );
}

/** "09:00–09:45" on the consultation's own site clock, and the zone named. */
function When(props: { start: string; end: string; zone: string }) {
  return (
    <>
      {formatTime(props.start, props.zone)}–{formatTime(props.end, props.zone)}{' '}
      <span class="muted">({zoneLabel(props.zone)})</span>
    </>
  );
}

function describe(c: { start: string; end: string; timeZone: string; clinician: string; siteName: string }): string {
  return (
    formatDay(localDate(c.start, c.timeZone)) + ' ' + formatTime(c.start, c.timeZone) + '–' +
    formatTime(c.end, c.timeZone) + ' (' + zoneLabel(c.timeZone) + ') with ' + c.clinician + ' at ' + c.siteName
  );
}

function FrontDesk(props: { siteFromUrl: string | null }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [siteId, setSiteId] = useState<string | null>(props.siteFromUrl);
  const [listing, setListing] = useState<Listing | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  // what the date field holds while typed: the answer to a date half typed must not overwrite the rest of the typing
  const [fromTyped, setFromTyped] = useState<string | null>(null);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [moving, setMoving] = useState<Consultation | null>(null);
  const [cancelling, setCancelling] = useState<Consultation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refreshed, setRefreshed] = useState(0);
  const site = sites.find((s) => s.id === siteId) ?? null;

  useEffect(() => {
    api<Site[]>('GET', '/api/scheduling/sites').then((found) => {
      setSites(found);
      setSiteId((current) => chooseSite(found, current));
    }, setError);
  }, []);

  useEffect(() => {
    if (!siteId) {
      return;
    }
    let current = true;
    const query = '/api/scheduling/consultations?siteId=' + encodeURIComponent(siteId) + (from ? '&from=' + from : '');
    api<Listing>('GET', query).then((found) => {
      if (current) {
        setListing(found);
        setError(null);
      }
    }, (failure) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [siteId, from, refreshed]);

  const changed = (message: string) => {
    setDone(message);
    setMoving(null);
    setCancelling(null);
    setRefreshed((n) => n + 1);
  };

  const act = async (consultation: Consultation, action: 'arrival' | 'no-show') => {
    try {
      await api('POST', '/api/scheduling/consultations/' + consultation.id + '/' + action);
      changed(consultation.patientName + (action === 'arrival' ? ' has arrived' : ' did not come (no-show)'));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };

  const move = (consultation: Consultation) => {
    setMoving(consultation);
    setCancelling(null);
    setDone(null);
    setPatient({
      id: consultation.patientId,
      mrn: consultation.mrn,
      givenName: consultation.patientName,
      familyName: '',
      birthDate: '',
      status: 'REFERRED',
    });
  };

  return (
    <>
      <p class="toolbar">
        <SitePicker id="consult-site" sites={sites} value={siteId} onPick={setSiteId} />
        {site && (
          <span id="consult-zone" class="muted">
            times in {zoneLabel(site.timeZone)}
          </span>
        )}
      </p>
      <p id="consult-result" class={done ? 'result' : undefined} role="status">
        {done}
      </p>
      <ProblemView error={error} id="consult-error" />
      <section aria-labelledby="book-title">
        <h2 id="book-title">{moving ? 'Move the consultation of ' + moving.patientName : 'Book a consultation'}</h2>
        {!moving && <PatientSearch chosen={patient} onChoose={(p) => { setPatient(p); setDone(null); }} />}
        {patient && site && listing && (
          <PatientSlots
            key={patient.id + (moving?.id ?? '')}
            patient={patient}
            site={site}
            today={listing.from}
            moving={moving}
            refreshed={refreshed}
            onBooked={changed}
            onCancel={(c) => setCancelling(c)}
            onMove={move}
            onStopMoving={() => setMoving(null)}
          />
        )}
      </section>
      {cancelling && (
        <CancelForm consultation={cancelling} onCancelled={changed} onKeep={() => setCancelling(null)} />
      )}
      <section aria-labelledby="booked-title">
        <h2 id="booked-title">Booked consultations</h2>
        <p class="toolbar">
          <label>
            From{' '}
            <input
              type="date"
              id="booked-from"
              value={fromTyped ?? listing?.from ?? ''}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value;
                setFromTyped(value);
                if (typedDate(value)) setFrom(value);
              }}
            />
          </label>
          {listing && (
            <span class="muted">
              {formatDay(listing.from)} to {formatDay(listing.to)}
            </span>
          )}
        </p>
        {listing && (
          <ConsultationTable
            id="booked-consultations"
            consultations={listing.consultations}
            caption={'Consultations at ' + (site?.name ?? 'the site')}
            actions={{
              onArrive: (c) => act(c, 'arrival'),
              onNoShow: (c) => act(c, 'no-show'),
              onMove: move,
              onCancel: (c) => { setCancelling(c); setDone(null); },
            }}
          />
        )}
      </section>
    </>
  );
}

/** Search as you type over intake's patients; only referred patients are offered. */
function PatientSearch(props: { chosen: PatientSummary | null; onChoose: (patient: PatientSummary) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PatientSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(0);

  useEffect(() => {
    const q = searchable(query);
    if (!q) {
      setFound(null);
      return;
    }
    const timer = window.setTimeout(() => {
      const mine = ++asked.current;
      api<PatientSummary[]>('GET', '/api/intake/patients?q=' + encodeURIComponent(q)).then(
        (patients) => {
          if (mine === asked.current) {
            setFound(referredOnly(patients));
            setError(null);
          }
        },
        (failure) => mine === asked.current && setError(failure),
      );
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  return (
    <div class="patient-search">
      <label for="patient-search">Find a referred patient (name, MRN, phone or date of birth)</label>
      <input
        type="search"
        id="patient-search"
        autocomplete="off"
        value={query}
        aria-describedby="patient-search-hint"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <p id="patient-search-hint" class="muted">
        Type at least two characters; patients already screened are not listed.
      </p>
      <ProblemView error={error} id="patient-search-error" />
      {found && found.length === 0 && <p class="muted" id="patient-none">No referred patient matches.</p>}
      {found && found.length > 0 && (
        <ul id="patient-results" class="choices" aria-label="Referred patients found">
          {found.map((patient) => (
            <li key={patient.id}>
              <button
                type="button"
                class={'patient-choice' + (props.chosen?.id === patient.id ? '' : ' secondary')}
                data-patient-id={patient.id}
                aria-pressed={props.chosen?.id === patient.id}
                onClick={() => props.onChoose(patient)}
              >
                {patient.givenName} {patient.familyName} · {patient.mrn} · born {formatDate(patient.birthDate)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The chosen patient: their booked consultation if they have one (to move or cancel), else the free slots at the
 * site to book in a click. When moving, the free slots take the consultation instead.
 */
function PatientSlots(props: {
  patient: PatientSummary;
  site: Site;
  today: string;
  moving: Consultation | null;
  refreshed: number;
  onBooked: (message: string) => void;
  onCancel: (consultation: Consultation) => void;
  onMove: (consultation: Consultation) => void;
  onStopMoving: () => void;
}) {
  const { patient, site, moving } = props;
  const [booked, setBooked] = useState<Consultation | null | undefined>(undefined);
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = moving ? moving.patientName : (patient.givenName + ' ' + patient.familyName).trim();

  const load = useCallback(async () => {
    try {
      const mine = await api<Listing>('GET', '/api/scheduling/consultations?patientId=' + encodeURIComponent(patient.id) +
        '&from=' + props.today + '&to=' + addDays(props.today, PATIENT_DAYS - 1));
      setBooked(mine.consultations.find((c) => c.status === 'booked') ?? null);
      setSlots(await api<FreeSlot[]>('GET', '/api/scheduling/slots?kind=CONSULTATION&limit=30&patientId=' +
        encodeURIComponent(patient.id) + '&siteId=' + encodeURIComponent(site.id)));
    } catch (failure) {
      setError(failure);
    }
  }, [patient.id, site.id, props.today]);

  useEffect(() => {
    load();
  }, [load, props.refreshed]);

  const take = async (slot: FreeSlot) => {
    setBusy(true);
    setError(null);
    try {
      const result = moving
        ? (await api<{ consultation: Consultation }>('POST', '/api/scheduling/consultations/' + moving.id + '/reschedule',
          { slotId: slot.consultationSlotId })).consultation
        : await api<Consultation>('POST', '/api/scheduling/consultations', {
          patientId: patient.id,
          slotId: slot.consultationSlotId,
        });
      props.onBooked((moving ? 'Moved: ' : 'Booked: ') + result.patientName + ', ' + describe(result));
    } catch (failure) {
      setError(failure);
      load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div id="chosen-patient" data-patient-id={patient.id}>
      <p class="banner-line">
        <strong>{name}</strong> <span class="muted">· {moving?.mrn ?? patient.mrn}</span>
      </p>
      {!moving && booked && (
        <div id="patient-consultation" class="result">
          <p>
            Consultation booked {describe(booked)}.
          </p>
          <p class="actions">
            <button type="button" class="secondary" onClick={() => props.onMove(booked)}>Move to another slot</button>{' '}
            <button type="button" class="danger" onClick={() => props.onCancel(booked)}>Cancel…</button>
          </p>
        </div>
      )}
      <ProblemView error={error} id="slots-error" />
      {error && notKnownYet(error) && (
        <p class="muted">Intake registered this patient a moment ago; scheduling hears of it within seconds.</p>
      )}
      {moving && (
        <p>
          Now {describe(moving)}.{' '}
          <button type="button" class="secondary" id="stop-moving" onClick={props.onStopMoving}>Keep it there</button>
        </p>
      )}
      {(moving || booked === null) && slots && (
        <FreeSlots slots={slots} site={site} moving={!!moving} busy={busy} onTake={take} />
      )}
    </div>
  );
}

function FreeSlots(props: { slots: FreeSlot[]; site: Site; moving: boolean; busy: boolean; onTake: (slot: FreeSlot) => void }) {
  if (props.slots.length === 0) {
    return <p class="muted" id="free-slots-none">No free consultation slot at {props.site.name} in the weeks ahead.</p>;
  }
  return (
    <div id="free-slots">
      <h3>Free consultation slots at {props.site.name}</h3>
      {byDay(props.slots).map((day) => (
        <div key={day.day} class="slot-day">
          <h4>{formatDay(day.day)}</h4>
          <ul class="choices">
            {day.items.map((slot) => {
              const what = formatTime(slot.start, slot.timeZone) + '–' + formatTime(slot.end, slot.timeZone) + ' (' +
                zoneLabel(slot.timeZone) + ') with ' + slot.clinician;
              return (
                <li key={slot.consultationSlotId}>
                  <button
                    type="button"
                    class="book-slot"
                    data-slot-id={slot.consultationSlotId}
                    disabled={props.busy}
                    aria-label={(props.moving ? 'Move to ' : 'Book ') + formatDay(day.day) + ' ' + what}
                    onClick={() => props.onTake(slot)}
                  >
                    {formatTime(slot.start, slot.timeZone)}–{formatTime(slot.end, slot.timeZone)}
                  </button>{' '}
                  <span>{slot.clinician}</span> <span class="muted">({zoneLabel(slot.timeZone)})</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

interface Actions {
  onArrive: (c: Consultation) => void;
  onNoShow: (c: Consultation) => void;
  onMove: (c: Consultation) => void;
  onCancel: (c: Consultation) => void;
}

/** Consultations by day; with {@code actions}, the buttons scheduling says may be used now. */
function ConsultationTable(props: { id: string; consultations: Consultation[]; caption: string; actions?: Actions }) {
  const { actions } = props;
  if (props.consultations.length === 0) {
    return <p class="muted" id={props.id + '-none'}>No consultations booked.</p>;
  }
  return (
    <table id={props.id}>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Time</th>
          <th scope="col">Patient</th>
          <th scope="col">Clinician</th>
          <th scope="col">Site</th>
          <th scope="col">Status</th>
          {actions && <th scope="col"><span class="visually-hidden">Actions</span></th>}
        </tr>
      </thead>
      <tbody>
        {props.consultations.map((c) => (
          <tr key={c.id} data-consultation-id={c.id} data-status={c.status}>
            <td>{formatDay(localDate(c.start, c.timeZone))}</td>
            <td>
              <When start={c.start} end={c.end} zone={c.timeZone} />
            </td>
            <td>
              {c.patientName} <span class="muted">· {c.mrn}</span>
            </td>
            <td>{c.clinician}</td>
            <td>
              {c.siteName}
              {c.roomName && <span class="muted"> · {c.roomName}</span>}
            </td>
            <td>
              <span class={'status status-' + c.status}>{statusLabel(c.status)}</span>
            </td>
            {actions && (
              <td>
                <div class="actions">
                {c.actions.includes('ARRIVE') && (
                  <button type="button" class="secondary action-arrive" onClick={() => actions.onArrive(c)}
                    aria-label={'Arrived: ' + c.patientName}>Arrived</button>
                )}
                {c.actions.includes('NO_SHOW') && (
                  <button type="button" class="secondary action-no-show" onClick={() => actions.onNoShow(c)}
                    aria-label={'No-show: ' + c.patientName}>No-show</button>
                )}
                {c.actions.includes('RESCHEDULE') && (
                  <button type="button" class="secondary action-move" onClick={() => actions.onMove(c)}
                    aria-label={'Move the consultation of ' + c.patientName}>Move</button>
                )}
                {c.actions.includes('CANCEL') && (
                  <button type="button" class="danger action-cancel" onClick={() => actions.onCancel(c)}
                    aria-label={'Cancel the consultation of ' + c.patientName}>Cancel…</button>
                )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The confirmation before a cancellation: what is cancelled, and the reason, which it needs. */
function CancelForm(props: { consultation: Consultation; onCancelled: (message: string) => void; onKeep: () => void }) {
  const { consultation } = props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => field.current?.focus(), [consultation.id]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const wrong = reasonProblem(reason);
    setProblem(wrong);
    setError(null);
    if (wrong) {
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api('POST', '/api/scheduling/consultations/' + consultation.id + '/cancellation', { reason: reason.trim() });
      props.onCancelled('Cancelled: ' + consultation.patientName + ', ' + describe(consultation));
    } catch (failure) {
      const own = fieldError(failure, 'reason');
      setProblem(own);
      setError(own ? null : failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="cancel-panel" aria-labelledby="cancel-title" class="confirm">
      <h2 id="cancel-title">Cancel the consultation of {consultation.patientName}?</h2>
      <p>
        {describe(consultation)}. The slot becomes free for another patient.
      </p>
      <form id="cancel-form" onSubmit={submit} noValidate>
        <label for="cancel-reason">Reason for the cancellation</label>
        <textarea
          id="cancel-reason"
          ref={field}
          value={reason}
          maxLength={500}
          required
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'cancel-reason-error' : undefined}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
        {problem && (
          <p id="cancel-reason-error" class="field-error">
            {problem}
          </p>
        )}
        <ProblemView error={error} id="cancel-error" />
        <p class="actions">
          <button type="submit" class="danger" id="cancel-confirm" disabled={busy}>Cancel the consultation</button>{' '}
          <button type="button" class="secondary" id="cancel-keep" onClick={props.onKeep}>Keep it</button>
        </p>
      </form>
    </section>
  );
}

/** A clinician's own consultations of a day (today on the clinic's clock, another with the date picker). */
function MyConsultations() {
  const [day, setDay] = useState<Day | null>(null);
  const [date, setDate] = useState<string | null>(null);
  // what the date field holds while typed (see the front desk's "From")
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api<Day>('GET', '/api/scheduling/consultations/mine' + (date ? '?date=' + date : '')).then((found) => {
      if (current) {
        setDay(found);
        setError(null);
      }
    }, (failure) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [date]);

  return (
    <section aria-labelledby="mine-title" id="my-consultations">
      <h2 id="mine-title">My consultations</h2>
      <p class="toolbar">
        <label>
          Day{' '}
          <input
            type="date"
            id="my-date"
            value={typed ?? day?.date ?? ''}
            onInput={(e) => {
              const value = (e.target as HTMLInputElement).value;
              setTyped(value);
              if (typedDate(value)) setDate(value);
            }}
          />
        </label>
        {day && <span class="muted" id="my-day">{formatDay(day.date)} · each time on its site's clock</span>}
      </p>
      <ProblemView error={error} id="mine-error" />
      {day && (
        <ConsultationTable id="my-consultations-table" consultations={day.consultations}
          caption={'Consultations of ' + day.clinician + ' on ' + formatDay(day.date)} />
      )}
    </section>
  );
}
