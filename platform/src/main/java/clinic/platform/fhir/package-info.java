/**
 * FHIR R4 at {@code /fhir} as every service serving it does it (intake, scheduling, session): HAPI's plain server handed each
 * interaction by the service's endpoint, its own security chain writing refusals as OperationOutcomes, the domain's
 * refusals in FHIR's words, paging by offset and a CapabilityStatement listing exactly what the service serves.
 * Switched on by auto-configuration ({@link clinic.platform.fhir.FhirConfiguration}) only in a service that has HAPI on
 * its class path, resource providers and a {@link clinic.platform.fhir.FhirService} (intake, scheduling, session).
 */
package clinic.platform.fhir;
