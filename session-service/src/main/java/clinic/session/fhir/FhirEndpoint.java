package clinic.session.fhir;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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
	@PreAuthorize("hasRole('integration')")
	void readEncounter(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Encounter")
	@PreAuthorize("hasRole('integration')")
	void searchEncounters(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Observation/{observationId}")
	@PreAuthorize("hasRole('integration')")
	void readObservation(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Observation")
	@PreAuthorize("hasRole('integration')")
	void searchObservations(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/MedicationAdministration/{administrationId}")
	@PreAuthorize("hasRole('integration')")
	void readAdministration(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/MedicationAdministration")
	@PreAuthorize("hasRole('integration')")
	void searchAdministrations(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/AdverseEvent/{adverseEventId}")
	@PreAuthorize("hasRole('integration')")
	void readAdverseEvent(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/AdverseEvent")
	@PreAuthorize("hasRole('integration')")
	void searchAdverseEvents(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}
}
