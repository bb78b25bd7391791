/**
 * Booked appointments: session's own projection of scheduling's appointment-booked events, just what a nurse
 * needs to pick the appointment and open its record. The newest aggregate version wins; older events are dropped. Cancelled and moved appointments
 * (appointment-cancelled, appointment-rescheduled) leave the list but keep their version, so a late older event
 * cannot bring them back.
 */
package clinic.session.appointments;
