/* Nurse: appointments, opening a session record, recording vitals, completing the session. */
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
  const vitalsForm = document.getElementById('vitals-form');
  const completionForm = document.getElementById('completion-form');
  let record = null;

  async function loadAppointments() {
    clearProblem(appointmentError);
    try {
      const appointments = await api('GET', '/api/session/appointments');
      renderAppointments(appointments || []);
    } catch (error) {
      showProblem(appointmentError, error);
    }
  }

  function renderAppointments(appointments) {
    rows.replaceChildren(...appointments.map((appointment) => el('tr', { 'data-appointment-id': appointment.appointmentId },
      el('td', {}, formatDateTime(appointment.start)),
      el('td', {}, appointment.patientName || appointment.patientId),
      el('td', {}, appointment.chairName || ''),
      el('td', {}, appointment.recordId
        ? el('button', { type: 'button', class: 'secondary view-record-button', 'data-record-id': appointment.recordId,
          onclick: () => showRecord(appointment.recordId) }, 'View record')
        : el('button', { type: 'button', class: 'open-record-button', 'data-appointment-id': appointment.appointmentId,
          onclick: (event) => openRecord(event.currentTarget, appointment.appointmentId) }, 'Open record')))));
    empty.hidden = appointments.length > 0;
  }

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

  function renderRecord(loaded) {
    record = loaded;
    clearProblem(recordError);
    recordResult.hidden = true;
    panel.dataset.recordId = record.id;
    document.getElementById('record-status').textContent = record.status || '';
    const plan = record.dosePlan;
    document.getElementById('record-dose-plan').textContent = plan ? plan.route + ' ' + plan.mgPerKg + ' mg/kg' : 'none';
    document.querySelector('#vitals-list tbody').replaceChildren(...(record.vitals || []).map((vitals) => el('tr', {},
      el('td', {}, formatDateTime(vitals.recordedAt || vitals.takenAt || vitals.at)),
      el('td', {}, vitals.systolic + '/' + vitals.diastolic),
      el('td', {}, vitals.heartRate),
      el('td', {}, vitals.spo2),
      el('td', {}, vitals.respiratoryRate))));
    lockIfCompleted();
    panel.hidden = false;
  }

  /** A completed record takes no more vitals and cannot be completed twice. */
  function lockIfCompleted() {
    const completed = record !== null && record.status === 'COMPLETED';
    document.getElementById('vitals-button').disabled = completed;
    document.getElementById('completion-button').disabled = completed;
  }

  vitalsForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(recordError, vitalsForm);
    const vitals = {
      systolic: number('vitals-systolic'),
      diastolic: number('vitals-diastolic'),
      heartRate: number('vitals-heart-rate'),
      spo2: number('vitals-spo2'),
      respiratoryRate: number('vitals-respiratory-rate'),
    };
    await busy(document.getElementById('vitals-button'), async () => {
      try {
        await api('POST', '/api/session/records/' + encodeURIComponent(record.id) + '/vitals', vitals);
        vitalsForm.reset();
        await showRecord(record.id);
      } catch (error) {
        showProblem(recordError, error, vitalsForm);
      }
    });
    lockIfCompleted();
  });

  completionForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(recordError, completionForm);
    const completion = { doseMg: number('completion-dose-mg'), notes: text('completion-notes') };
    await busy(document.getElementById('completion-button'), async () => {
      try {
        const completed = await api('POST', '/api/session/records/' + encodeURIComponent(record.id) + '/completion', completion);
        renderRecord(completed);
        completionForm.reset();
        recordResult.textContent = 'Session completed.';
        recordResult.hidden = false;
        await loadAppointments();
      } catch (error) {
        showProblem(recordError, error, completionForm);
      }
    });
    lockIfCompleted();
  });

  loadAppointments();
})();
