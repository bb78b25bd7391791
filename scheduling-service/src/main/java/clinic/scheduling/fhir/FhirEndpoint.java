package clinic.scheduling.fhir;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

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
	@PreAuthorize("hasRole('integration')")
	void readLocation(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Location")
	@PreAuthorize("hasRole('integration')")
	void searchLocations(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Schedule/{scheduleId}")
	@PreAuthorize("hasRole('integration')")
	void readSchedule(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Schedule")
	@PreAuthorize("hasRole('integration')")
	void searchSchedules(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Slot/{slotId}")
	@PreAuthorize("hasRole('integration')")
	void readSlot(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Slot")
	@PreAuthorize("hasRole('integration')")
	void searchSlots(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Appointment/{appointmentId}")
	@PreAuthorize("hasRole('integration')")
	void readAppointment(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@GetMapping(FhirServer.BASE + "/Appointment")
	@PreAuthorize("hasRole('integration')")
	void searchAppointments(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Appointment/$find")
	@PreAuthorize("hasRole('integration')")
	void findAppointments(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Appointment/$hold")
	@PreAuthorize("hasRole('integration')")
	void holdAppointment(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}

	@PostMapping(FhirServer.BASE + "/Appointment/$book")
	@PreAuthorize("hasRole('integration')")
	void bookAppointment(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		serve(request, response);
	}
}
