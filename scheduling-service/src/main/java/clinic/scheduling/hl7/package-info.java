/**
 * HL7 v2 out: SIU^S12 (booked), S13 (moved), S15 (cancelled) and S26 (no-show) for infusions, boosters and
 * consultations, over MLLP to the one receiver configured ({@code clinic.scheduling.hl7.outbound}; off without a
 * host), an adapter at the edge like {@code web} and {@code fhir}. Each message is encoded and stored in the
 * transaction that made the change (a transactional outbox of its own, {@code hl7_outbound_message}), then sent by a
 * scheduled sender that claims rows with {@code FOR UPDATE SKIP LOCKED}, in order per appointment, reads the ACK,
 * retries with exponential backoff and parks a message as FAILED after the last attempt; an administrator lists and
 * replays them on the REST API.
 */
package clinic.scheduling.hl7;
