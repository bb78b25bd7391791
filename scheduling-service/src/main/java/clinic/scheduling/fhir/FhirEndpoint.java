package clinic.scheduling.fhir;

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
 * Hands each FHIR interaction to the FHIR server, one method per row of the access policy's FHIR table
 * (docs/access-policy.md), as intake's: the audit trail's operation and kind (a read with a path variable, else a
 * search), the appointment's patient named by its path ({@code PatientsOfPath}) and {@code @PreAuthorize} as the
 * second line. Not part of the REST API's OpenAPI document: the FHIR server describes itself at
 * {@code /fhir/metadata}.
 */
@Hidden
@Controller
class FhirEndpoint extends clinic.platform.fhir.FhirEndpoint {

	FhirEndpoint(FhirServer server) {
		super(server);
	}

	@GetMapping(FhirServer.BASE + "/Location/{locationId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readLocation(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Location")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchLocations(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Schedule/{scheduleId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readSchedule(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Schedule")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchSchedules(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Slot/{slotId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readSlot(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Slot")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchSlots(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Appointment/{appointmentId}")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void readAppointment(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Appointment")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void searchAppointments(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Appointment/$find")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void findAppointments(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Appointment/$hold")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void holdAppointment(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Appointment/$book")
	@PreAuthorize(Roles.IS_INTEGRATION)
	void bookAppointment(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}
}
