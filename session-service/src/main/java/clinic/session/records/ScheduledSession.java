package clinic.session.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.CourseStatus;

/**
 * A booked appointment on the nurse's list of a day: who (name and MRN), which infusion of the course
 * ({@code position}, e.g. "Infusion 2 of 6"), where (site, chair) and when (its day in the site's time zone), the
 * course's state as scheduling announced it, whether a pausing adverse event holds the patient's dosing, and the
 * session record once one is open, with where the session stands ({@code progress}: stage, since when, readings due and
 * overdue, open alerts).
 */
public record ScheduledSession(UUID appointmentId, UUID patientId, @Nullable String patientName, @Nullable String mrn,
		AppointmentKind kind, int sequence, @Nullable Integer courseInfusions, String position, UUID courseId,
		@Nullable CourseStatus courseStatus, boolean dosingPaused, @Nullable UUID siteId, @Nullable String siteName,
		@Nullable String timeZone, String chairName, @Nullable LocalDate day, Instant start, Instant end,
		@Nullable UUID recordId, @Nullable RecordProgress progress) {
}
