/**
 * Booked appointments: session's own projection of scheduling's appointment-booked events, just what a nurse
 * needs to pick the appointment and open its record. The newest aggregate version wins; older events are dropped.
 */
package clinic.session.appointments;
