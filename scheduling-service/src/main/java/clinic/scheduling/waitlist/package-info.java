/**
 * The waitlist: patients whose course has infusions left to book wait for an earlier slot. A slot freed by a
 * cancelled or moved appointment is offered to the best-matching waiting patients in order: those whose wishes
 * (weekdays, times, chair attributes) the slot meets, who are free then and whose course can take a booking,
 * first come first served, up to {@code clinic.scheduling.waitlist.offers-per-slot} at a time; a declined offer
 * passes the slot on to the next one. The first to accept books it, with every check of a booking.
 */
package clinic.scheduling.waitlist;
