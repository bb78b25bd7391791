/**
 * Booking infusions into chairs. A slot holds the chair for the clinic's chair time (infusion, recovery,
 * turnover), lies inside clinic hours, and never overlaps another appointment of the chair or of the patient: the
 * database's exclusion constraints decide that, also between bookings made at the same moment. Appointment
 * statuses are FHIR R4's. Nurse shifts, whole-course booking and the waitlist come with the full feature.
 */
package clinic.scheduling.booking;
