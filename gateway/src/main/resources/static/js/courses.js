/* Front desk: courses of infusions and booking an infusion into a chair. */
'use strict';

(() => {
  const { api, el, text, showProblem, clearProblem, busy, formatDateTime } = Clinic;
  Clinic.nav('courses');

  const bookingForm = document.getElementById('booking-form');
  const bookingError = document.getElementById('booking-error');
  const bookingResult = document.getElementById('booking-result');
  const courseSelect = document.getElementById('booking-course');
  const chairSelect = document.getElementById('booking-chair');
  const statusFilter = document.getElementById('course-status-filter');
  const courseError = document.getElementById('course-error');
  const rows = document.getElementById('course-rows');
  const empty = document.getElementById('course-list-empty');

  async function loadChairs() {
    try {
      const chairs = await api('GET', '/api/scheduling/chairs');
      chairSelect.replaceChildren(...(chairs || []).map((chair) => el('option', { value: chair.id },
        chair.name + (chair.site ? ' · ' + chair.site : ''))));
    } catch (error) {
      showProblem(bookingError, error);
    }
  }

  async function loadCourses(selectCourseId) {
    clearProblem(courseError);
    const status = statusFilter.value;
    try {
      const courses = await api('GET', '/api/scheduling/courses' + (status ? '?status=' + encodeURIComponent(status) : ''));
      render(courses || [], selectCourseId);
    } catch (error) {
      showProblem(courseError, error);
    }
  }

  function render(courses, selectCourseId) {
    rows.replaceChildren(...courses.map((course) => el('tr', { 'data-course-id': course.id },
      el('td', {}, el('a', { href: '/patient.html?id=' + encodeURIComponent(course.patientId) }, course.patientName || course.patientId)),
      el('td', { class: 'status' }, course.status),
      el('td', {}, (course.completedInfusions ?? 0) + ' of ' + (course.plannedInfusions ?? '?') + ' done'),
      el('td', {}, appointments(course.appointments || [])),
      el('td', {}, el('button', { type: 'button', class: 'secondary book-button', 'data-course-id': course.id,
        onclick: () => chooseCourse(course.id) }, 'Book')))));
    empty.hidden = courses.length > 0;
    const previous = selectCourseId || courseSelect.value;
    courseSelect.replaceChildren(...courses.map((course) => el('option', { value: course.id },
      (course.patientName || course.patientId) + ' · ' + course.status)));
    if (previous && courses.some((course) => course.id === previous)) {
      courseSelect.value = previous;
    }
  }

  function appointments(list) {
    if (list.length === 0) {
      return el('span', { class: 'muted' }, 'none booked');
    }
    const sorted = [...list].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
    return el('ol', { class: 'appointments' }, sorted.map((appointment) => el('li', { 'data-appointment-id': appointment.id },
      formatDateTime(appointment.start) + ' · ' + (appointment.chairName || appointment.chairId) + ' · ' + appointment.status)));
  }

  function chooseCourse(courseId) {
    courseSelect.value = courseId;
    document.getElementById('booking-start').focus();
  }

  /** The datetime-local value is the clinic's local time; the API wants an instant. */
  function startInstant() {
    const local = text('booking-start');
    if (!local) {
      return null;
    }
    const date = new Date(local);
    return Number.isNaN(date.getTime()) ? local : date.toISOString();
  }

  bookingForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(bookingError, bookingForm);
    bookingResult.hidden = true;
    const courseId = courseSelect.value;
    if (!courseId) {
      showProblem(bookingError, new Clinic.ApiError(400, { title: 'Choose a course', detail: 'There is no course to book into.' }));
      return;
    }
    const booking = { chairId: text('booking-chair'), start: startInstant() };
    await busy(document.getElementById('booking-button'), async () => {
      try {
        const appointment = await api('POST', '/api/scheduling/courses/' + encodeURIComponent(courseId) + '/appointments', booking);
        bookingResult.replaceChildren('Booked infusion ', el('strong', { id: 'booked-sequence' }, String(appointment.sequence ?? '')),
          ' on ', formatDateTime(appointment.start), ' in ', appointment.chairName || appointment.chairId, '.');
        bookingResult.dataset.appointmentId = appointment.id;
        bookingResult.hidden = false;
        await loadCourses(courseId);
      } catch (error) {
        // A 409 names what collided (chair, nurse or patient already booked): the problem's detail says it.
        showProblem(bookingError, error, bookingForm);
      }
    });
  });

  statusFilter.addEventListener('change', () => loadCourses());

  loadChairs();
  loadCourses();
})();
