/**
 * FHIR at the gateway: the suite's one CapabilityStatement ({@code GET /fhir/metadata}). Each resource is served by
 * the service that owns it (the {@code *-fhir} routes), so no single service can say what the suite supports; the
 * gateway asks each FHIR-serving service for its own statement and lists their resources together, exactly those.
 */
package clinic.gateway.fhir;
