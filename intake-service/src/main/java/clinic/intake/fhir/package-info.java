/**
 * FHIR R4 for intake's patients, referrals, screening questionnaires and outcome scores, an adapter at the edge like
 * {@code web}: HAPI FHIR's plain server (the platform's {@link clinic.platform.fhir.FhirServer}) answers
 * {@code /fhir/Patient}, {@code /fhir/ServiceRequest} (a referral), {@code /fhir/QuestionnaireResponse} (a screening's
 * PHQ-9, GAD-7 or PCL-5), {@code /fhir/Observation} (a total score) and {@code /fhir/metadata} in JSON and XML, every error as an OperationOutcome. It is handed each request
 * by a controller ({@link clinic.intake.fhir.FhirEndpoint}), so the request passes what an API call passes: the
 * resource-server checks of the token and the access policy's rows (the platform's FHIR security chain), the audit
 * trail, and the domain's services, whose rules (the duplicate check above all) hold here as on the REST API.
 */
package clinic.intake.fhir;
