package clinic.intake.fhir;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import clinic.contracts.Roles;
import clinic.platform.fhir.FhirServer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands each FHIR interaction to the FHIR server. One method per interaction, so that what every API call gets from
 * Spring MVC holds here too: the audit trail's operation ({@code GET /fhir/Patient/{patientId}}, a read; without a
 * path variable, a search), the patient its path names, and {@code @PreAuthorize} as the second line behind the access
 * policy's rows (docs/access-policy.md). Not part of the REST API's OpenAPI document: the FHIR server describes itself
 * at {@code /fhir/metadata}.
 */
@Hidden
@Controller
class FhirEndpoint extends clinic.platform.fhir.FhirEndpoint {

	FhirEndpoint(FhirServer server) {
		super(server);
	}

	@GetMapping(FhirServer.BASE + "/Patient/{patientId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readPatient(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Patient")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchPatients(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Patient")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void createPatient(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/ServiceRequest/{referralId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readReferral(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/ServiceRequest")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchReferrals(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/ServiceRequest")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void createReferral(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/QuestionnaireResponse/{responseId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readQuestionnaireResponse(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/QuestionnaireResponse")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchQuestionnaireResponses(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Observation/{observationId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readObservation(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Observation")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchObservations(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}
}
