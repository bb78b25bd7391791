/**
 * The clinic's agenda as other systems read it: every booked time of a patient, infusions and boosters in a chair and
 * consultations with a clinician, in one list with the site each is at, searched by patient, time and status. A read
 * model over booking's and consultations' tables; the bookings themselves stay with those features.
 */
package clinic.scheduling.agenda;
