/*
 * Nurse and clinician: appointments, opening a session record and charting the session: check-in, vitals (with
 * the readings due and the alerts they raise), the clinician's confirmation of a high pre-dose blood pressure, the
 * dose, the end of the infusion, side effects, CADSS-6, adverse events, the discharge checklist, both signatures
 * and addenda. Every value from the API is put into the page as text (Clinic.el), never as HTML.
 */
'use strict';

(() => {
  const { api, el, text, number, showProblem, clearProblem, busy, formatDateTime } = Clinic;
  Clinic.nav('sessions');

  const appointmentError = document.getElementById('appointment-error');
  const rows = document.getElementById('appointment-rows');
  const empty = document.getElementById('appointment-list-empty');
  const panel = document.getElementById('record-panel');
  const recordError = document.getElementById('record-error');
  const recordResult = document.getElementById('record-result');
  const ALERT_ACTIONS = ['PAUSE', 'SLOW', 'STOP', 'CONTINUE'];
  let record = null;

  const PAGE_SIZE = 50;
  const dateInput = document.getElementById('appointment-date');
  const more = document.getElementById('appointment-more');
  let shown = [];

  /** The day's infusions (default today, in each site's time zone), a page at a time. */
  async function loadAppointments(page = 0) {
    clearProblem(appointmentError);
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (dateInput.value) {
      query.set('date', dateInput.value);
    }
    try {
      const day = await api('GET', '/api/session/appointments?' + query);
      shown = page === 0 ? day.appointments : shown.concat(day.appointments);
      renderAppointments(shown, day.total);
      more.hidden = shown.length >= day.total;
      more.onclick = () => loadAppointments(page + 1);
    } catch (error) {
      showProblem(appointmentError, error);
    }
  }

  function courseCell(appointment) {
    if (appointment.dosingPaused) {
      return el('span', { class: 'warning' }, 'dosing paused (adverse event)');
    }
    if (appointment.courseStatus && appointment.courseStatus !== 'ACTIVE') {
      return el('span', { class: appointment.courseStatus === 'COMPLETED' ? '' : 'warning' },
        appointment.courseStatus.toLowerCase());
    }
    return '';
  }

  function renderAppointments(appointments, total) {
    rows.replaceChildren(...appointments.map((appointment) => el('tr', { 'data-appointment-id': appointment.appointmentId },
      el('td', {}, formatDateTime(appointment.start)),
      el('td', {}, appointment.patientName || appointment.patientId),
      el('td', {}, appointment.mrn || ''),
      el('td', {}, appointment.position || ''),
      el('td', {}, [appointment.chairName, appointment.siteName].filter(Boolean).join(' · ')),
      el('td', {}, courseCell(appointment)),
      el('td', {}, appointment.recordId
        ? el('button', { type: 'button', class: 'secondary view-record-button', 'data-record-id': appointment.recordId,
          onclick: () => showRecord(appointment.recordId) }, 'View record')
        : el('button', { type: 'button', class: 'open-record-button', 'data-appointment-id': appointment.appointmentId,
          onclick: (event) => openRecord(event.currentTarget, appointment.appointmentId) }, 'Open record')))));
    empty.hidden = appointments.length > 0;
    document.getElementById('appointment-count').textContent = total + ' booked';
  }

  dateInput.addEventListener('change', () => loadAppointments());

  async function openRecord(button, appointmentId) {
    clearProblem(appointmentError);
    await busy(button, async () => {
      try {
        renderRecord(await api('POST', '/api/session/records', { appointmentId }));
        await loadAppointments();
      } catch (error) {
        showProblem(appointmentError, error);
      }
    });
  }

  async function showRecord(recordId) {
    clearProblem(appointmentError);
    try {
      renderRecord(await api('GET', '/api/session/records/' + encodeURIComponent(recordId)));
    } catch (error) {
      showProblem(appointmentError, error);
    }
  }

  function path(step) {
    return '/api/session/records/' + encodeURIComponent(record.id) + '/' + step;
  }

  function by(who, when) {
    return who + ', ' + formatDateTime(when);
  }

  function setText(id, value) {
    document.getElementById(id).textContent = value;
  }

  function renderRecord(loaded) {
    record = loaded;
    clearProblem(recordError);
    recordResult.hidden = true;
    panel.dataset.recordId = record.id;
    setText('record-status', record.status || '');
    setText('record-phase', record.phase || '');
    const plan = record.dosePlan;
    setText('record-dose-plan', plan ? plan.route + ' ' + plan.mgPerKg + ' mg/kg' : 'none');
    document.getElementById('summary-link').href = path('summary');
    document.getElementById('bp-warning').hidden = !record.awaitingBpConfirmation;
    document.getElementById('bp-confirmation-form').hidden = !record.awaitingBpConfirmation;
    renderCheckIn();
    renderVitals();
    renderDose();
    renderEntries();
    renderDischarge();
    lockIfSigned();
    panel.hidden = false;
  }

  function renderCheckIn() {
    const checkIn = record.checkIn;
    const done = document.getElementById('check-in-done');
    done.hidden = !checkIn;
    done.textContent = checkIn ? 'Checked in by ' + by(checkIn.checkedInBy, checkIn.checkedInAt)
      + (checkIn.phq9Total === null ? '' : ' · PHQ-9 ' + checkIn.phq9Total)
      + (checkIn.phq9SuicideRiskFlag ? ' · PHQ-9 item 9 above 0: suicide-risk flag' : '') : '';
  }

  function renderVitals() {
    document.querySelector('#vitals-list tbody').replaceChildren(...(record.vitals || []).map((vitals) => el('tr', {},
      el('td', {}, formatDateTime(vitals.takenAt)),
      el('td', {}, vitals.phase || ''),
      el('td', {}, vitals.systolic + '/' + vitals.diastolic),
      el('td', {}, vitals.heartRate),
      el('td', {}, vitals.spo2),
      el('td', {}, vitals.respiratoryRate),
      el('td', { class: (vitals.breaches || []).length ? 'warning' : '' },
        (vitals.breaches || []).map((breach) => breach.description).join('; ')))));
    const waiting = (record.readings || []).filter((slot) => slot.status !== 'TAKEN');
    setText('readings-due', waiting.length === 0 ? 'none'
      : waiting.map((slot) => slot.status.toLowerCase() + ' ' + formatDateTime(slot.dueAt)).join(' · '));
    document.getElementById('alerts-list').replaceChildren(...(record.alerts || []).map(renderAlert));
  }

  function renderAlert(alert) {
    const summary = formatDateTime(alert.raisedAt) + ' ' + alert.breaches.map((breach) => breach.description).join('; ');
    if (alert.response) {
      return el('li', {}, summary + ' → ' + alert.response.action
        + (alert.response.reason ? ' (' + alert.response.reason + ')' : '') + ' · '
        + by(alert.response.respondedBy, alert.response.respondedAt));
    }
    const action = el('select', { name: 'action' }, ALERT_ACTIONS.map((value) => el('option', {}, value)));
    const reason = el('input', { type: 'text', name: 'reason', placeholder: 'reason (needed to continue)' });
    const form = el('form', { class: 'row alert-action-form', 'data-alert-id': alert.id, novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        send(event.submitter || form.querySelector('button'), 'alerts/' + encodeURIComponent(alert.id) + '/action',
          { action: action.value, reason: reason.value.trim() || null }, form);
      } }, action, reason, el('button', { type: 'submit' }, 'Record action'));
    return el('li', { class: 'warning' }, summary + ' — no action recorded yet', form);
  }

  function renderDose() {
    const dosing = record.dosing;
    const done = document.getElementById('dose-done');
    done.hidden = !dosing;
    done.textContent = dosing ? dosing.doseMg + ' mg (planned ' + dosing.plannedDoseMg + ' mg for ' + dosing.weightKg
      + ' kg), lot ' + dosing.drugLot + ', prepared by ' + dosing.preparedBy + ', given by '
      + by(dosing.administeredBy, dosing.administeredAt)
      + (record.infusionEnd ? ' · infusion ended ' + formatDateTime(record.infusionEnd.endedAt) : '') : '';
    document.getElementById('dose-form').hidden = Boolean(dosing);
    document.getElementById('infusion-end-button').hidden = record.phase !== 'INFUSION';
  }

  function renderEntries() {
    const effects = (record.sideEffects || []).map((effect) => effect.effect + ' (' + effect.severity + ')'
      + (effect.note ? ': ' + effect.note : '') + ' · ' + by(effect.recordedBy, effect.recordedAt));
    const cadss = (record.cadssScores || []).map((score) => 'CADSS-6 ' + score.total + ' · '
      + by(score.recordedBy, score.recordedAt));
    document.getElementById('side-effects-list').replaceChildren(...effects.concat(cadss).map((line) => el('li', {}, line)));
    document.getElementById('adverse-events-list').replaceChildren(...(record.adverseEvents || []).map((event) =>
      el('li', { class: event.grade === 'SERIOUS' || event.grade === 'SEVERE' ? 'warning' : '' },
        event.grade + ': ' + event.description + ' · ' + by(event.reportedBy, event.reportedAt))));
    document.getElementById('addenda-list').replaceChildren(...(record.addenda || []).map((addendum) =>
      el('li', {}, by(addendum.writtenBy, addendum.writtenAt) + ': ' + addendum.text)));
  }

  function renderDischarge() {
    const checklist = record.discharge || {};
    document.getElementById('discharge-vitals').checked = Boolean(checklist.vitalsNearBaseline);
    document.getElementById('discharge-oriented').checked = Boolean(checklist.alertAndOriented);
    document.getElementById('discharge-gait').checked = Boolean(checklist.steadyGait);
    document.getElementById('discharge-escort').checked = Boolean(checklist.escortPresent);
    document.getElementById('discharge-instructions').checked = Boolean(checklist.instructionsGiven);
    const open = record.openDischargeCriteria || [];
    document.getElementById('open-criteria').replaceChildren(...(open.length
      ? open.map((criterion) => el('li', { 'data-criterion': criterion.criterion }, criterion.detail))
      : [el('li', {}, 'nothing: the discharge can be signed')]));
    setText('nurse-signature', record.nurseSignature ? by(record.nurseSignature.signedBy, record.nurseSignature.signedAt)
      : 'not signed');
    setText('clinician-signature', record.clinicianSignature
      ? by(record.clinicianSignature.signedBy, record.clinicianSignature.signedAt) : 'not signed');
  }

  /** A signed record takes nothing but addenda; after the first signature it takes only the second. */
  function lockIfSigned() {
    const completed = record !== null && record.status === 'COMPLETED';
    const anySignature = record !== null && Boolean(record.nurseSignature || record.clinicianSignature);
    for (const form of panel.querySelectorAll('form:not(#addendum-form)')) {
      for (const button of form.querySelectorAll('button')) {
        button.disabled = anySignature;
      }
    }
    document.getElementById('infusion-end-button').disabled = anySignature;
    document.getElementById('completion-button').disabled = completed || Boolean(record && record.nurseSignature);
    document.getElementById('clinician-sign-off-button').disabled = completed
      || Boolean(record && record.clinicianSignature);
  }

  /** Sends one step of the chart and shows the record as it is afterwards. */
  async function send(button, step, body, form) {
    clearProblem(recordError, form);
    await busy(button, async () => {
      try {
        const answer = await api('POST', path(step), body);
        if (form) {
          form.reset();
        }
        if (answer && answer.id === record.id && answer.openDischargeCriteria) {
          renderRecord(answer);
        } else {
          await showRecord(record.id);
        }
        if (record.status === 'COMPLETED') {
          recordResult.textContent = 'Session completed: signed by nurse and clinician.';
          recordResult.hidden = false;
          await loadAppointments();
        }
      } catch (error) {
        showProblem(recordError, error, form);
      }
    });
    lockIfSigned();
  }

  /** "1, 2,0" → [1, 2, 0]; empty → null (the service then says what is missing); anything else is sent as is. */
  function numbers(id) {
    const value = text(id);
    if (value === null) {
      return null;
    }
    return value.split(',').map((item) => (item.trim() === '' ? null : Number(item.trim())));
  }

  function checked(id) {
    return document.getElementById(id).checked;
  }

  function onSubmit(formId, step, body) {
    const form = document.getElementById(formId);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(form.querySelector('button[type="submit"]'), step, body(), form);
    });
  }

  onSubmit('check-in-form', 'check-in', () => ({
    identityConfirmed: checked('check-in-identity'),
    escortConfirmed: checked('check-in-escort'),
    fasting: checked('check-in-fasting'),
    escortName: text('check-in-escort-name'),
    medicationChanges: text('check-in-medication-changes'),
    phq9Items: numbers('check-in-phq9'),
  }));
  onSubmit('vitals-form', 'vitals', () => ({
    systolic: number('vitals-systolic'),
    diastolic: number('vitals-diastolic'),
    heartRate: number('vitals-heart-rate'),
    spo2: number('vitals-spo2'),
    respiratoryRate: number('vitals-respiratory-rate'),
  }));
  onSubmit('bp-confirmation-form', 'pre-dose-confirmation', () => ({ reason: text('bp-confirmation-reason') }));
  onSubmit('dose-form', 'dose', () => ({
    weightKg: number('dose-weight'),
    doseMg: number('dose-mg'),
    infusionRateMgPerHour: number('dose-rate'),
    drugLot: text('dose-lot'),
    preparedBy: text('dose-prepared-by'),
  }));
  onSubmit('side-effect-form', 'side-effects', () => ({
    effect: document.getElementById('side-effect-effect').value,
    severity: document.getElementById('side-effect-severity').value,
    note: text('side-effect-note'),
  }));
  onSubmit('cadss-form', 'cadss', () => ({ items: numbers('cadss-items') }));
  onSubmit('adverse-event-form', 'adverse-events', () => ({
    grade: document.getElementById('adverse-event-grade').value,
    description: text('adverse-event-description'),
  }));
  onSubmit('discharge-form', 'discharge-checklist', () => ({
    vitalsNearBaseline: checked('discharge-vitals'),
    alertAndOriented: checked('discharge-oriented'),
    steadyGait: checked('discharge-gait'),
    escortPresent: checked('discharge-escort'),
    instructionsGiven: checked('discharge-instructions'),
  }));
  onSubmit('completion-form', 'completion', () => ({ notes: text('completion-notes') }));
  onSubmit('addendum-form', 'addenda', () => ({ text: text('addendum-text') }));

  document.getElementById('infusion-end-button').addEventListener('click', (event) => {
    const reason = text('infusion-end-reason');
    send(event.currentTarget, 'infusion-end', reason ? { reason } : {});
  });
  document.getElementById('clinician-sign-off-button').addEventListener('click', (event) => {
    send(event.currentTarget, 'clinician-sign-off', {});
  });

  loadAppointments();
})();
