/**
 * Booking infusions into chairs, and what happens to a booked appointment after. A slot holds the chair for the
 * clinic's chair time (infusion, recovery, turnover), lies inside clinic hours, and never overlaps another
 * appointment of the chair or of the patient: the database's exclusion constraints decide that, also between
 * bookings made at the same moment. {@link clinic.scheduling.booking.BookingService} books (one infusion, a whole
 * course as given or the earliest that fits, boosters); {@link clinic.scheduling.booking.AppointmentLifecycle} takes
 * a booked appointment through arrival, check-in, cancellation, no-show and reschedule, and hears session-service's
 * news of its session; the course-wide reactions (pausing, closing, completing) and the no-show sweep use both.
 * Appointment statuses are FHIR R4's.
 */
package clinic.scheduling.booking;
