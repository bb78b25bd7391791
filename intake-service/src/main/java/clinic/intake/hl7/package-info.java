/**
 * HL7 v2 in: ADT^A04 (register a patient with a referral), ADT^A08 (update the patient), ADT^A40 (merge one patient
 * into another) and REF^I12 (another referral) over MLLP, an adapter at the edge like {@code web} and {@code fhir}. Each message goes to the same
 * {@code PatientService} calls as the REST API, so the same validation and duplicate rule apply, and is answered with
 * an ACK: {@code AA} when applied, {@code AE} naming the field or the duplicates' MRNs when refused, {@code AR} when it
 * cannot be taken at all (unparseable, an unsupported type, a sending facility not allowed). MLLP carries no token:
 * the allowed sending facilities (MSH-4) are configured and the link is expected to run over TLS or a VPN. Each
 * message's effect is written to the audit trail with the sending application and facility as the actor.
 */
package clinic.intake.hl7;
