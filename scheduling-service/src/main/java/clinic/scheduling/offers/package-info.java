/**
 * Appointments offered to other systems before they are booked (IHE ITI Scheduling over FHIR): a proposal found
 * with the same rules the front desk's planning uses, a hold that keeps its chair or consultation slot and the
 * patient's time from everyone else for a few minutes (enforced by the database as bookings are), and the booking,
 * made by the same services the web UI books through. A whole induction course is offered, held and booked at once.
 */
package clinic.scheduling.offers;
