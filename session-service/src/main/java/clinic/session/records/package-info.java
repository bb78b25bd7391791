/**
 * Session records: a nurse opens one per booked appointment of a cleared patient (with the patient's dose plan),
 * records vitals during the session and completes it with the dose given. Check-in, side effects, adverse events,
 * discharge and sign-off with addenda grow here. The record makes its own events (session started, completed).
 */
package clinic.session.records;
