package clinic.scheduling.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import ca.uhn.fhir.context.FhirContext;
import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.contracts.test.FhirValidation;
import clinic.platform.test.Tokens;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.RegisteredPatient;

/**
 * IHE ITI Scheduling as another system books through it: $find proposes what the front desk's planning would offer,
 * $hold keeps a proposal's chair (or slot) and the patient's time from everyone else, the web UI included, until the
 * hold lapses, and $book books it as the web UI does (its event, its audit row). A conflict is a 409 OperationOutcome
 * that writes nothing; a course is held and booked whole or not at all. Every answer validates against base R4.
 */
class IheSchedulingTest extends FhirTest {

	private static final FhirContext R4 = FhirContext.forR4Cached();

	private static final String APPOINTMENT_BOOKED = "clinic.scheduling.appointment-booked.v1";

	private static final String CONSULTATION_BOOKED = "clinic.scheduling.consultation-booked.v1";

	MockHttpServletResponse operation(String name, Parameters parameters) throws Exception {
		return call(post("/fhir/Appointment/$" + name).contentType(JSON)
			.content(R4.newJsonParser().encodeResourceToString(parameters)));
	}

	Bundle ok(String name, Parameters parameters) throws Exception {
		var answer = operation(name, parameters);
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		return FhirValidation.validJson(Bundle.class, answer.getContentAsString());
	}

	OperationOutcome refused(String name, Parameters parameters, int status) throws Exception {
		var answer = operation(name, parameters);
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(status);
		return FhirValidation.validJson(OperationOutcome.class, answer.getContentAsString());
	}

	static Parameters find(UUID patient, String visitType, Instant start, Instant end) {
		var parameters = new Parameters();
		parameters.addParameter().setName("start").setValue(new DateTimeType(java.util.Date.from(start)));
		parameters.addParameter().setName("end").setValue(new DateTimeType(java.util.Date.from(end)));
		parameters.addParameter().setName("patient-reference").setValue(new Reference("Patient/" + patient));
		parameters.addParameter()
			.setName("visit-type")
			.setValue(new StringType(BookingOperations.VISIT_TYPES + "|" + visitType));
		return parameters;
	}

	static Parameters infusionsOn(UUID patient, LocalDate day, int count) {
		var parameters = find(patient, "infusion", at(day, 0, 0), at(day.plusDays(1), 0, 0));
		parameters.addParameter().setName("location-reference").setValue(new Reference("Location/" + SITE));
		parameters.addParameter().setName("_count").setValue(new IntegerType(count));
		return parameters;
	}

	static Parameters reference(String id) {
		var parameters = new Parameters();
		parameters.addParameter().setName("appointment-reference").setValue(new Reference("Appointment/" + id));
		return parameters;
	}

	static List<Appointment> appointments(Bundle bundle) {
		return bundle.getEntry()
			.stream()
			.filter(entry -> entry.getResource() instanceof Appointment)
			.map(entry -> (Appointment) entry.getResource())
			.toList();
	}

	static String location(Appointment appointment) {
		return appointment.getParticipant()
			.stream()
			.map(p -> p.getActor().getReference())
			.filter(reference -> reference != null && reference.startsWith("Location/"))
			.findFirst()
			.orElseThrow()
			.substring("Location/".length());
	}

	/** The web UI's booking of one infusion of the course (the front desk's call). */
	MockHttpServletResponse webBooking(UUID courseId, String chair, Instant start) throws Exception {
		return mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", courseId)
			.with(Tokens.as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(chair, start))).andReturn().getResponse();
	}

	int appointmentsOf(UUID patient) {
		return jdbc.sql("select count(*) from appointment where patient_id = ?").param(patient).query(Integer.class)
			.single();
	}

	@Test
	void givenAClearedPatientWhenAnInfusionIsFoundHeldAndBookedThenItIsBookedAsTheWebUiBooks() throws Exception {
		var course = clearedPatientsCourse("Ihe " + UUID.randomUUID().toString().substring(0, 8));
		var other = clearedPatientsCourse("Ihe other " + UUID.randomUUID().toString().substring(0, 8));
		var monday = aWeekOfItsOwn();

		var found = ok("find", infusionsOn(course.patientId(), monday, 3));
		var rival = appointments(ok("find", infusionsOn(other.patientId(), monday, 1))).get(0);

		assertThat(found.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		var proposed = appointments(found);
		assertThat(proposed).hasSize(3).allSatisfy(appointment -> {
			assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.PROPOSED);
			assertThat(appointment.getMinutesDuration()).as("infusion, recovery and turnover").isEqualTo(110);
			assertThat(appointment.getStart().toInstant()).isAfterOrEqualTo(at(monday, 8, 0));
		});
		var first = proposed.get(0);
		assertThat(first.getParticipant()).extracting(p -> p.getActor().getReference())
			.contains("Patient/" + course.patientId());
		assertThat(location(rival)).as("both were offered the first chair and time").isEqualTo(location(first));
		assertThat(rival.getStart()).isEqualTo(first.getStart());

		var held = ok("hold", reference(first.getIdElement().getIdPart()));

		var pending = appointments(held);
		assertThat(pending).singleElement().satisfies(appointment -> {
			assertThat(appointment.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
			assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.PENDING);
		});
		assertThat(held.getEntry()).anySatisfy(entry -> assertThat(entry.getResource())
			.isInstanceOfSatisfying(OperationOutcome.class, outcome -> assertThat(
					outcome.getIssueFirstRep().getDiagnostics()).startsWith("Held until")));
		// the held chair and time: refused to the web UI and to another client, and offered to no one else
		var web = webBooking(other.id(), location(first), first.getStart().toInstant());
		assertThat(web.getStatus()).as(web.getContentAsString()).isEqualTo(409);
		assertThat(web.getContentAsString()).contains("held");
		var collision = refused("hold", reference(rival.getIdElement().getIdPart()), 409);
		assertThat(collision.getIssueFirstRep().getDiagnostics()).contains("held").contains("nothing was held");
		assertThat(appointments(ok("find", infusionsOn(other.patientId(), monday, 100))))
			.noneMatch(a -> location(a).equals(location(first)) && a.getStart().equals(first.getStart()));

		var booked = ok("book", reference(first.getIdElement().getIdPart()));

		var appointment = appointments(booked).get(0);
		assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(appointment.getStart()).isEqualTo(first.getStart());
		var read = ok(Appointment.class, get("/fhir/Appointment/{id}", appointment.getIdElement().getIdPart()));
		assertThat(read.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(location(read)).isEqualTo(location(first));
		published(APPOINTMENT_BOOKED, course.patientId());
		assertThat(refused("book", reference(first.getIdElement().getIdPart()), 404).getIssueFirstRep()
			.getDiagnostics()).contains("find again");
	}

	@Test
	void givenAHeldChairWhenTheHoldLapsesThenTheWebUiBooksItAndALaterHoldIsRefusedAsBooked() throws Exception {
		var course = clearedPatientsCourse("Ihe " + UUID.randomUUID().toString().substring(0, 8));
		var second = clearedPatientsCourse("Ihe second " + UUID.randomUUID().toString().substring(0, 8));
		var walkIn = clearedPatientsCourse("Ihe walk-in " + UUID.randomUUID().toString().substring(0, 8));
		var monday = aWeekOfItsOwn();
		var first = appointments(ok("find", infusionsOn(course.patientId(), monday, 1))).get(0);
		var rival = appointments(ok("find", infusionsOn(second.patientId(), monday, 1))).get(0);
		ok("hold", reference(first.getIdElement().getIdPart()));
		assertThat(webBooking(walkIn.id(), location(first), first.getStart().toInstant()).getStatus()).isEqualTo(409);

		// the hold's time passes
		jdbc.sql("update appointment_offer set held_until = now() - interval '1 second' where id = ?")
			.param(UUID.fromString(first.getIdElement().getIdPart()))
			.update();

		var web = webBooking(walkIn.id(), location(first), first.getStart().toInstant());
		assertThat(web.getStatus()).as(web.getContentAsString()).isEqualTo(201);
		var refusal = refused("hold", reference(rival.getIdElement().getIdPart()), 409);
		assertThat(refusal.getIssueFirstRep().getDiagnostics()).contains("booked");
		assertThat(refused("book", reference(first.getIdElement().getIdPart()), 409).getIssueFirstRep()
			.getDiagnostics()).as("the lapsed hold's proposal collides with the web UI's booking").contains("booked");
		assertThat(appointmentsOf(course.patientId())).isZero();
	}

	@Test
	void givenTwoClientsWithTheSameProposalWhenBothBookThenTheSecondIsAConflictThatWritesNothing() throws Exception {
		var course = clearedPatientsCourse("Ihe " + UUID.randomUUID().toString().substring(0, 8));
		var second = clearedPatientsCourse("Ihe second " + UUID.randomUUID().toString().substring(0, 8));
		var monday = aWeekOfItsOwn();
		var first = appointments(ok("find", infusionsOn(course.patientId(), monday, 1))).get(0);
		var rival = appointments(ok("find", infusionsOn(second.patientId(), monday, 1))).get(0);
		ok("book", reference(first.getIdElement().getIdPart()));

		var refusal = refused("book", reference(rival.getIdElement().getIdPart()), 409);

		assertThat(refusal.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		assertThat(refusal.getIssueFirstRep().getDiagnostics()).contains("already booked");
		assertThat(appointmentsOf(second.patientId())).isZero();
		assertThat(appointmentsOf(course.patientId())).isOne();
		assertThat(jdbc.sql("select count(*) from appointment_offer where id = ?")
			.param(UUID.fromString(rival.getIdElement().getIdPart()))
			.query(Integer.class)
			.single()).as("the refused proposal is still there to find again from").isOne();
	}

	@Test
	void givenACourseWhenOneInfusionNoLongerFitsThenNothingIsHeldOrBookedAndAFreshCourseIsBookedWhole()
			throws Exception {
		var course = clearedPatientsCourse("Ihe course " + UUID.randomUUID().toString().substring(0, 8));
		var walkIn = clearedPatientsCourse("Ihe walk-in " + UUID.randomUUID().toString().substring(0, 8));
		var monday = weeksOfTheirOwn(5);
		var parameters = find(course.patientId(), "infusion", at(monday, 0, 0), at(monday.plusDays(28), 0, 0));
		parameters.addParameter().setName("location-reference").setValue(new Reference("Location/" + SITE));
		parameters.addParameter().setName("course").setValue(new BooleanType(true));

		var proposal = appointments(ok("find", parameters));

		assertThat(proposal).hasSize(course.plannedInfusions())
			.allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.PROPOSED));
		var fourth = proposal.get(3);
		assertThat(fourth.getComment()).contains("4 of " + course.plannedInfusions());
		assertThat(webBooking(walkIn.id(), location(fourth), fourth.getStart().toInstant()).getStatus())
			.isEqualTo(201);
		var holdRefused = refused("hold", reference(proposal.get(0).getIdElement().getIdPart()), 409);
		assertThat(holdRefused.getIssueFirstRep().getDiagnostics()).contains("do not fit").contains("nothing was held");
		assertThat(jdbc.sql("select count(*) from appointment_offer where held_until is not null and offer_group = "
				+ "(select offer_group from appointment_offer where id = ?)")
			.param(UUID.fromString(proposal.get(0).getIdElement().getIdPart()))
			.query(Integer.class)
			.single()).isZero();
		refused("book", reference(proposal.get(5).getIdElement().getIdPart()), 409);
		assertThat(appointmentsOf(course.patientId())).isZero();

		var fresh = appointments(ok("find", parameters));
		var held = appointments(ok("hold", reference(fresh.get(2).getIdElement().getIdPart())));
		assertThat(held).hasSize(course.plannedInfusions())
			.allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.PENDING));
		var booked = appointments(ok("book", reference(fresh.get(0).getIdElement().getIdPart())));

		assertThat(booked).hasSize(course.plannedInfusions())
			.allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED));
		assertThat(booked).extracting(Appointment::getStart)
			.containsExactlyElementsOf(fresh.stream().map(Appointment::getStart).toList());
		assertThat(appointmentsOf(course.patientId())).isEqualTo(course.plannedInfusions());
		published(APPOINTMENT_BOOKED, course.patientId());
	}

	@Test
	void givenAReferredPatientWhenAConsultationIsFoundHeldAndBookedThenTheHeldSlotIsNobodyElses() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var patient = referredPatient();
		var other = referredPatient();
		var clinician = "dr." + UUID.randomUUID().toString().substring(0, 8);
		var slot = consultationSlot(site, clinician, site.at(monday, 10, 0));
		var parameters = find(patient, "consultation", at(monday, 0, 0), at(monday.plusDays(1), 0, 0));
		parameters.addParameter().setName("location-reference").setValue(new Reference("Location/" + site.siteId()));

		var proposed = appointments(ok("find", parameters));

		assertThat(proposed).singleElement().satisfies(a -> {
			assertThat(a.getStart().toInstant()).isEqualTo(site.at(monday, 10, 0));
			assertThat(a.getServiceTypeFirstRep().getText()).isEqualTo("Consultation");
			assertThat(a.getParticipant()).extracting(p -> p.getActor().getDisplay()).contains(clinician);
		});
		var id = proposed.get(0).getIdElement().getIdPart();
		ok("hold", reference(id));
		var web = mvc.perform(post("/api/scheduling/consultations").with(Tokens.as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"patientId":"%s","slotId":"%s"}""".formatted(other, slot))).andReturn().getResponse();
		assertThat(web.getStatus()).as(web.getContentAsString()).isEqualTo(409);
		assertThat(web.getContentAsString()).contains("held");

		var booked = appointments(ok("book", reference(id)));

		assertThat(booked).singleElement().satisfies(a -> {
			assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
			assertThat(a.getServiceTypeFirstRep().getText()).isEqualTo("Consultation");
		});
		published(CONSULTATION_BOOKED, patient);
		assertThat(rowsOf(patient)).contains("POST /fhir/Appointment/$find 200", "POST /fhir/Appointment/$hold 200",
				"POST /fhir/Appointment/$book 200");
	}

	@Test
	void givenBadOrUnknownInputThenEachIsAnOperationOutcomeNamingWhatIsWrong() throws Exception {
		var course = clearedPatientsCourse("Ihe bad " + UUID.randomUUID().toString().substring(0, 8));
		var monday = aWeekOfItsOwn();
		var noStart = infusionsOn(course.patientId(), monday, 1);
		noStart.getParameter().removeIf(p -> p.getName().equals("start"));
		assertThat(refused("find", noStart, 400).getIssueFirstRep().getDiagnostics()).contains("start");
		var backwards = find(course.patientId(), "infusion", at(monday, 12, 0), at(monday, 8, 0));
		assertThat(refused("find", backwards, 400).getIssueFirstRep().getDiagnostics()).contains("end");
		var unknownType = find(course.patientId(), "massage", at(monday, 0, 0), at(monday, 23, 0));
		assertThat(refused("find", unknownType, 400).getIssueFirstRep().getDiagnostics()).contains("massage");
		var notCleared = find(UUID.randomUUID(), "infusion", at(monday, 0, 0), at(monday, 23, 0));
		assertThat(refused("find", notCleared, 409).getIssueFirstRep().getDiagnostics())
			.contains("no open induction course");
		assertThat(refused("hold", reference(UUID.randomUUID().toString()), 404).getIssueFirstRep().getDiagnostics())
			.contains("find again");
		assertThat(refused("book", new Parameters(), 400).getIssueFirstRep().getDiagnostics())
			.contains("appointment-reference");
		var asNurse = mvc.perform(post("/fhir/Appointment/$find").with(Tokens.as("nina", "nurse"))
			.contentType(JSON)
			.content(R4.newJsonParser().encodeResourceToString(infusionsOn(course.patientId(), monday, 1))))
			.andReturn()
			.getResponse();
		assertThat(asNurse.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from appointment_offer where patient_id = ?")
			.param(course.patientId())
			.query(Integer.class)
			.single()).as("nothing proposed on a refused call").isZero();
	}

	@Test
	void givenACourseWithAllItsInfusionsBookedThenFindProposesNoMoreAsBookingWouldRefuseThem() throws Exception {
		var course = clearedPatientsCourse("Ihe full " + UUID.randomUUID().toString().substring(0, 8));
		var monday = aWeekOfItsOwn();
		jdbc.sql("update course set planned_infusions = 1 where id = ?").param(course.id()).update();
		assertThat(webBooking(course.id(), CHAIR_1.toString(), at(monday, 9, 0)).getStatus()).isEqualTo(201);

		var full = refused("find", infusionsOn(course.patientId(), monday.plusDays(2), 3), 409);

		assertThat(full.getIssueFirstRep().getDiagnostics()).contains("All 1 planned infusions", "are booked");
		assertThat(jdbc.sql("select count(*) from appointment_offer where patient_id = ?")
			.param(course.patientId())
			.query(Integer.class)
			.single()).as("nothing proposed that $hold and $book would refuse").isZero();
	}

	@Test
	void givenTheCapabilityStatementThenItNamesTheIheOperationsOnAppointment() throws Exception {
		var statement = ok(CapabilityStatement.class, get("/fhir/metadata"));

		var appointment = statement.getRestFirstRep()
			.getResource()
			.stream()
			.filter(r -> r.getType().equals("Appointment"))
			.findFirst()
			.orElseThrow();
		assertThat(appointment.getOperation()).extracting(o -> o.getName() + " " + o.getDefinition())
			.containsExactlyInAnyOrder("find https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-find",
					"hold https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-hold",
					"book https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-book");
	}

	/** A patient intake registered with a referral, as its events tell scheduling. */
	UUID referredPatient() {
		var id = UUID.randomUUID();
		registry.registeredOrUpdated(new RegisteredPatient(id, "MRN-" + id.toString().substring(0, 6), "Ada",
				"Ihe", LocalDate.of(1980, 5, 17), 1, Instant.now()));
		registry.referred(new KnownReferral(UUID.randomUUID(), id, "Dr. Aiken", "TREATMENT_RESISTANT_DEPRESSION",
				Instant.now()));
		return id;
	}

	UUID consultationSlot(OwnSite site, String clinician, Instant start) throws Exception {
		var body = mvc.perform(post("/api/scheduling/sites/{siteId}/consultation-slots", site.siteId())
			.with(Tokens.as("ann", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, start,
					start.plus(Duration.ofMinutes(45)))))
			.andReturn()
			.getResponse();
		assertThat(body.getStatus()).as(body.getContentAsString()).isEqualTo(201);
		return UUID.fromString(json.readTree(body.getContentAsString()).get("id").asString());
	}

	/** The operation rows of the audit trail that name the patient: "action outcome". */
	List<String> rowsOf(UUID patient) {
		return jdbc.sql("select action, outcome, patient_ids from audit_log where action like '%/fhir/%' order by id")
			.query((rs, n) -> Arrays.asList((Object[]) rs.getArray("patient_ids").getArray()).contains(patient)
					? rs.getString("action") + " " + rs.getInt("outcome") : "")
			.list()
			.stream()
			.filter(row -> !row.isEmpty())
			.toList();
	}

	void published(String type, UUID patient) {
		await().atMost(PATIENCE)
			.until(() -> !EventProbe.records(EventSchemas.topicOf(type), EventProbe.ofType(type, patient)).isEmpty());
	}
}
