package clinic.session.fhir;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import clinic.contracts.Roles;
import clinic.platform.fhir.FhirServer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands each FHIR interaction to the FHIR server, one method per row of the access policy's FHIR table
 * (docs/access-policy.md), as intake's and scheduling's: the audit trail's operation and kind (a read with a path
 * variable, else a search), the record's patient named by its path ({@code RecordPatientsOfPath}) and
 * {@code @PreAuthorize} as the second line. Not part of the REST API's OpenAPI document: the FHIR server describes
 * itself at {@code /fhir/metadata}.
 */
@Hidden
@Controller
class FhirEndpoint extends clinic.platform.fhir.FhirEndpoint {

	FhirEndpoint(FhirServer server) {
		super(server);
	}

	@GetMapping(FhirServer.BASE + "/Encounter/{encounterId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readEncounter(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Encounter")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchEncounters(HttpServletRequest request, HttpServletResponse response)
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

	@GetMapping(FhirServer.BASE + "/MedicationAdministration/{administrationId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readAdministration(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/MedicationAdministration")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchAdministrations(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/AdverseEvent/{adverseEventId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readAdverseEvent(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/AdverseEvent")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchAdverseEvents(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}
}
