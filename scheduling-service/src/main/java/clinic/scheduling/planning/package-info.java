/**
 * Slot finding and course planning on an in-memory calendar: which chair, when, with a nurse on shift and the
 * clinic open, and whole induction courses and boosters that follow the clinic's course rules. Pure domain: the
 * calendar is loaded by an adapter and handed in; nothing here reads a database or answers a request.
 */
package clinic.scheduling.planning;
