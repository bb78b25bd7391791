package clinic.session.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import clinic.session.records.ScheduledSession;
import clinic.session.records.SessionRecordService;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/session/appointments")
class AppointmentController {

	private final SessionRecordService records;

	AppointmentController(SessionRecordService records) {
		this.records = records;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('nurse', 'clinician', 'admin')")
	@Operation(summary = "Booked infusion appointments, soonest first, with the session record once one is open")
	List<ScheduledSession> list() {
		return records.scheduled();
	}
}
