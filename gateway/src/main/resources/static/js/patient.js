/* Clinician: a patient's record, recording a screening, signing an eligibility decision. */
'use strict';

(() => {
  const { api, el, text, number, showProblem, clearProblem, busy, formatDateTime } = Clinic;
  Clinic.nav('patients');

  const patientId = Clinic.queryParameter('id');
  const patientError = document.getElementById('patient-error');
  const screeningForm = document.getElementById('screening-form');
  const screeningError = document.getElementById('screening-error');
  const decisionForm = document.getElementById('decision-form');
  const decisionError = document.getElementById('decision-error');
  const decisionResult = document.getElementById('decision-result');
  const screeningSelect = document.getElementById('decision-screening');
  const outcomeSelect = document.getElementById('decision-outcome');
  const patientPath = '/api/intake/patients/' + encodeURIComponent(patientId || '');

  function tbody(tableId) {
    return document.querySelector('#' + tableId + ' tbody');
  }

  async function loadPatient(selectScreeningId) {
    clearProblem(patientError);
    try {
      render(await api('GET', patientPath), selectScreeningId);
    } catch (error) {
      showProblem(patientError, error);
    }
  }

  function render(patient, selectScreeningId) {
    document.getElementById('patient-name').textContent = patient.givenName + ' ' + patient.familyName;
    document.title = patient.familyName + ', ' + patient.givenName + ' · Ketamine clinic';
    document.getElementById('patient-mrn').textContent = patient.mrn || '';
    document.getElementById('patient-birth-date').textContent = Clinic.formatDate(patient.birthDate);
    document.getElementById('patient-status').textContent = patient.status || '';

    tbody('referral-list').replaceChildren(...(patient.referrals || []).map((referral) => el('tr', {},
      el('td', {}, referral.referringClinician), el('td', {}, referral.indication), el('td', {}, referral.reason))));

    const screenings = patient.screenings || [];
    tbody('screening-list').replaceChildren(...screenings.map((screening) => el('tr', { 'data-screening-id': screening.id },
      el('td', {}, formatDateTime(screening.recordedAt || screening.createdAt || screening.screenedAt) || screening.id),
      el('td', {}, [screening.phq9Total, screening.phq9Band].filter((part) => part !== undefined && part !== null).join(' · ')),
      el('td', {}, screening.suicideRiskFlag ? el('span', { class: 'warning' }, 'yes') : 'no'),
      el('td', {}, screening.proposal ? screening.proposal.outcome : ''))));

    tbody('decision-list').replaceChildren(...(patient.decisions || []).map((decision) => el('tr', { 'data-decision-id': decision.id },
      el('td', {}, decision.outcome), el('td', {}, decision.decidedBy), el('td', {}, formatDateTime(decision.decidedAt)),
      el('td', {}, decision.reason || ''))));

    const previous = selectScreeningId || screeningSelect.value;
    screeningSelect.replaceChildren(...screenings.map((screening) => el('option', { value: screening.id },
      'PHQ-9 ' + screening.phq9Total + (screening.proposal ? ' · proposed ' + screening.proposal.outcome : '')
        + ' · ' + (formatDateTime(screening.recordedAt || screening.createdAt || screening.screenedAt) || screening.id))));
    if (previous && screenings.some((screening) => screening.id === previous)) {
      screeningSelect.value = previous;
    } else if (screenings.length > 0) {
      screeningSelect.value = screenings[screenings.length - 1].id;
    }
  }

  screeningForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(screeningError, screeningForm);
    document.getElementById('screening-result').hidden = true;
    const phq9 = [];
    for (let item = 1; item <= 9; item++) {
      phq9.push(number('phq9-' + item));
    }
    const screening = {
      phq9,
      systolic: number('screening-systolic'),
      diastolic: number('screening-diastolic'),
      heartRate: number('screening-heart-rate'),
      weightKg: number('screening-weight-kg'),
      notes: text('screening-notes'),
    };
    await busy(document.getElementById('screening-button'), async () => {
      try {
        const recorded = await api('POST', patientPath + '/screenings', screening);
        showScreening(recorded);
        screeningForm.reset();
        await loadPatient(recorded.id);
      } catch (error) {
        showProblem(screeningError, error, screeningForm);
      }
    });
  });

  function showScreening(screening) {
    document.getElementById('screening-total').textContent = screening.phq9Total;
    document.getElementById('screening-band').textContent = screening.phq9Band || '';
    document.getElementById('screening-suicide-risk').hidden = !screening.suicideRiskFlag;
    const proposal = screening.proposal || { reasons: [] };
    document.getElementById('proposal-outcome').textContent = proposal.outcome || '';
    tbody('proposal-reasons').replaceChildren(...(proposal.reasons || []).map((reason) => el('tr', { 'data-rule-id': reason.ruleId },
      el('td', {}, reason.ruleId), el('td', {}, reason.description), el('td', {}, reason.answer === undefined ? '' : String(reason.answer)))));
    const result = document.getElementById('screening-result');
    result.dataset.screeningId = screening.id;
    result.hidden = false;
  }

  outcomeSelect.addEventListener('change', () => {
    document.getElementById('dose-plan').hidden = outcomeSelect.value !== 'CLEARED';
  });

  decisionForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(decisionError, decisionForm);
    decisionResult.hidden = true;
    const cleared = outcomeSelect.value === 'CLEARED';
    const decision = {
      screeningId: text('decision-screening'),
      outcome: outcomeSelect.value,
      reason: text('decision-reason'),
      dosePlan: cleared ? { route: text('dose-route'), mgPerKg: number('dose-mg-per-kg') } : null,
    };
    await busy(document.getElementById('decision-button'), async () => {
      try {
        const signed = await api('POST', patientPath + '/eligibility-decisions', decision);
        decisionResult.replaceChildren('Decision ', el('strong', { id: 'decision-outcome-result' }, signed.outcome),
          ' signed by ', el('span', { id: 'decision-decided-by' }, signed.decidedBy), ' at ', formatDateTime(signed.decidedAt), '.');
        decisionResult.dataset.decisionId = signed.id;
        decisionResult.hidden = false;
        document.getElementById('decision-reason').value = '';
        await loadPatient();
      } catch (error) {
        showProblem(decisionError, error, decisionForm);
      }
    });
  });

  if (!patientId) {
    showProblem(patientError, new Clinic.ApiError(400, {
      title: 'No patient selected', detail: 'Open a patient from the Patients page.' }));
    document.getElementById('screening-button').disabled = true;
    document.getElementById('decision-button').disabled = true;
  } else {
    loadPatient();
    loadDoseRange();
  }

  /** The clinic's mg/kg range and starting mg/kg come from intake's settings, never from this page. */
  async function loadDoseRange() {
    const input = document.getElementById('dose-mg-per-kg');
    try {
      const range = await api('GET', '/api/intake/dose-range');
      input.min = range.minMgPerKg;
      input.max = range.maxMgPerKg;
      if (input.value === '') {
        input.value = range.defaultMgPerKg;
      }
      document.getElementById('dose-range').textContent =
        'Clinic range ' + range.minMgPerKg + '–' + range.maxMgPerKg + ' mg/kg';
    } catch (error) {
      showProblem(decisionError, error);
    }
  }
})();
