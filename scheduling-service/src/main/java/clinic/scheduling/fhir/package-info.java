/**
 * FHIR R4 for scheduling's resources, an adapter at the edge like {@code web}, built as intake's: HAPI FHIR's plain
 * server (the platform's {@link clinic.platform.fhir.FhirServer}) answers {@code /fhir/Location} (sites, and chairs
 * part of their site), {@code /fhir/Schedule} (a chair's bookable time), {@code /fhir/Appointment} (infusions, boosters
 * and consultations, from the {@code agenda}) and {@code /fhir/metadata} in JSON and XML, read and search only, every
 * error as an OperationOutcome. A controller ({@link clinic.scheduling.fhir.FhirEndpoint}) hands it each request, so
 * the request passes the resource server's checks, the access policy's rows (the platform's FHIR security chain) and
 * the audit trail as an API call does.
 */
package clinic.scheduling.fhir;
