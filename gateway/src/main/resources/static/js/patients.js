/* Front desk: register a patient with a referral, list and search patients. */
'use strict';

(() => {
  const { api, el, text, showProblem, clearProblem, busy } = Clinic;
  Clinic.nav('patients');

  const registerForm = document.getElementById('register-form');
  const registerError = document.getElementById('register-error');
  const registerResult = document.getElementById('register-result');
  const searchForm = document.getElementById('search-form');
  const listError = document.getElementById('list-error');
  const rows = document.getElementById('patient-rows');
  const empty = document.getElementById('patient-list-empty');

  registerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(registerError, registerForm);
    registerResult.hidden = true;
    const patient = {
      givenName: text('given-name'),
      familyName: text('family-name'),
      birthDate: text('birth-date'),
      phone: text('phone'),
      referral: {
        referringClinician: text('referring-clinician'),
        reason: text('referral-reason'),
        indication: text('indication'),
      },
    };
    await register(patient);
  });

  /** Registers; on a likely duplicate, offers the existing records and a way to register anyway. */
  async function register(patient) {
    await busy(document.getElementById('register-button'), async () => {
      try {
        const created = await api('POST', '/api/intake/patients', patient);
        registerResult.replaceChildren('Registered ',
          el('a', { href: '/patient.html?id=' + encodeURIComponent(created.id), id: 'registered-patient-link' },
            created.givenName + ' ' + created.familyName),
          ' with MRN ', el('strong', { id: 'registered-mrn' }, created.mrn), '.');
        registerResult.dataset.patientId = created.id;
        registerResult.hidden = false;
        registerForm.reset();
        await loadPatients();
      } catch (error) {
        showProblem(registerError, error, registerForm);
        const candidates = error.problem && Array.isArray(error.problem.candidates) ? error.problem.candidates : [];
        if (error.status === 409 && candidates.length > 0) {
          registerError.append(
            el('ul', { id: 'duplicate-candidates' }, ...candidates.map((c) => el('li', {},
              el('a', { href: '/patient.html?id=' + encodeURIComponent(c.id) },
                c.familyName + ', ' + c.givenName), ' (' + c.mrn + ', born ' + Clinic.formatDate(c.birthDate) + ')'))),
            el('button', { type: 'button', id: 'register-anyway-button' }, 'Not the same person: register anyway'));
          document.getElementById('register-anyway-button').addEventListener('click',
            () => register({ ...patient, confirmedNotDuplicate: true }));
        }
      }
    });
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    loadPatients();
  });

  async function loadPatients() {
    clearProblem(listError);
    const q = text('search-q');
    try {
      const patients = await api('GET', '/api/intake/patients' + (q ? '?q=' + encodeURIComponent(q) : ''));
      render(patients || []);
    } catch (error) {
      showProblem(listError, error);
    }
  }

  function render(patients) {
    rows.replaceChildren(...patients.map((patient) => el('tr', { 'data-patient-id': patient.id },
      el('td', { class: 'mrn' }, patient.mrn),
      el('td', {}, el('a', { href: '/patient.html?id=' + encodeURIComponent(patient.id) },
        patient.familyName + ', ' + patient.givenName)),
      el('td', {}, Clinic.formatDate(patient.birthDate)),
      el('td', { class: 'status' }, patient.status))));
    empty.hidden = patients.length > 0;
  }

  loadPatients();
})();
