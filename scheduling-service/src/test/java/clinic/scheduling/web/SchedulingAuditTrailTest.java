package clinic.scheduling.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.springframework.http.MediaType;

import clinic.platform.test.AuditTrailGuarantees;
import clinic.scheduling.SchedulingIntegrationTest;

/**
 * Scheduling keeps the audit trail every service keeps: a patient's course read (the integration client may not),
 * the course search by name, an infusion booked.
 */
class SchedulingAuditTrailTest extends SchedulingIntegrationTest implements AuditTrailGuarantees {

	@Override
	public PatientRead patientRead() {
		var course = clearedPatientsCourse(ownName());
		return new PatientRead(course.patientId(), "/api/scheduling/courses/" + course.id(),
				"GET /api/scheduling/courses/{courseId}", "nurse", "integration");
	}

	@Override
	public Search searchShowing(PatientRead read) {
		var name = jdbc.sql("select patient_name from course where patient_id = ?")
			.param(read.patient())
			.query(String.class)
			.single();
		return new Search("/api/scheduling/courses?q=" + name, "GET /api/scheduling/courses",
				"front-desk");
	}

	@Override
	public Change change() {
		var course = clearedPatientsCourse(ownName());
		var request = post("/api/scheduling/courses/{courseId}/appointments", course.id())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(CHAIR_1, at(aWeekOfItsOwn(), 9, 0)));
		return new Change(request, "POST /api/scheduling/courses/{courseId}/appointments", "create", "front-desk", 201,
				// the booking's history row: the appointment itself is inserted in a savepoint, whose rows carry the
				// subtransaction's id, not the booking transaction's
				course.patientId(), "appointment_history", () -> jdbc.sql("""
						select h.id::text from appointment_history h join appointment a on a.id = h.appointment_id
						where a.course_id = ?""")
					.param(course.id())
					.query(String.class)
					.optional()
					.orElse(null));
	}

	@Override
	public String auditPath() {
		return "/api/scheduling/audit";
	}

	/** Two words nobody else's patient has. */
	private static String ownName() {
		return "Audra " + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase() + "qz";
	}
}
