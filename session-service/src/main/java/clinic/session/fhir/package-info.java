/**
 * FHIR R4 for session's records, an adapter at the edge like {@code web}, built as intake's and scheduling's: HAPI
 * FHIR's plain server (the platform's {@link clinic.platform.fhir.FhirServer}) answers {@code /fhir/Encounter} (a
 * session record), {@code /fhir/Observation} (its vitals in R4's vital-signs profiles, its CADSS-6 scores),
 * {@code /fhir/MedicationAdministration} (its dose), {@code /fhir/AdverseEvent} (its adverse events and side effects)
 * and {@code /fhir/metadata} in JSON and XML, read and search only, every error as an OperationOutcome. A controller
 * ({@link clinic.session.fhir.FhirEndpoint}) hands it each request, so the request passes the resource server's
 * checks, the access policy's rows (the platform's FHIR security chain) and the audit trail as an API call does. The
 * records are read through {@link clinic.session.fhir.ChartViews}, kept by {@code persistence}.
 */
package clinic.session.fhir;
