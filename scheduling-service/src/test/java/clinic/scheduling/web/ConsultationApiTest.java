package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;
import tools.jackson.databind.JsonNode;

/**
 * Consultation first, through the API: the front desk books a referred patient's consultation into a clinician's
 * free consultation slot, sees it listed, cancels it with a reason or moves it, marks arrival and no-show; the
 * clinician reads their own day; a patient scheduling does not know, or knows without a referral, is refused in
 * words; the site must be open; roles that may not book are refused. Each test uses a site and clinician of its own.
 */
class ConsultationApiTest extends SchedulingIntegrationTest {

	static final String BOOKED = "clinic.scheduling.consultation-booked.v1";

	static final String CANCELLED = "clinic.scheduling.consultation-cancelled.v1";

	static final String RESCHEDULED = "clinic.scheduling.consultation-rescheduled.v1";

	static final String NO_SHOW = "clinic.scheduling.consultation-no-show.v1";

	static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	static final RequestPostProcessor ADMIN = Tokens.as("ann", "admin");

	@Autowired
	PatientRegistry registry;

	/** A patient intake registered with a referral, as its events tell scheduling. */
	UUID referredPatient(String given, String family) {
		var id = UUID.randomUUID();
		registry.registeredOrUpdated(new RegisteredPatient(id, "MRN-" + id.toString().substring(0, 6), given, family,
				LocalDate.of(1980, 5, 17), 1, Instant.now()));
		registry.referred(new KnownReferral(UUID.randomUUID(), id, "Dr. Aiken", "TREATMENT_RESISTANT_DEPRESSION",
				Instant.now()));
		return id;
	}

	/** A clinician's consultation slot at the site, opened through the admin API. */
	UUID slot(OwnSite site, String clinician, Instant start) throws Exception {
		var body = mvc.perform(post("/api/scheduling/sites/{siteId}/consultation-slots", site.siteId()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, start,
					start.plus(Duration.ofMinutes(45)))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return id(json.readTree(body));
	}

	ResultActions book(UUID patient, UUID slot, RequestPostProcessor user) throws Exception {
		return mvc.perform(post("/api/scheduling/consultations").with(user)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"patientId":"%s","slotId":"%s"}""".formatted(patient, slot)));
	}

	UUID booked(UUID patient, UUID slot) throws Exception {
		return id(json.readTree(book(patient, slot, FRONT_DESK).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()));
	}

	ResultActions cancel(UUID consultation, String body) throws Exception {
		return mvc.perform(post("/api/scheduling/consultations/{id}/cancellation", consultation).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions reschedule(UUID consultation, UUID slot) throws Exception {
		return mvc.perform(post("/api/scheduling/consultations/{id}/reschedule", consultation).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"slotId":"%s"}""".formatted(slot)));
	}

	ResultActions freeSlots(OwnSite site, UUID patient, LocalDate monday) throws Exception {
		return mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("kind", "CONSULTATION")
			.param("siteId", site.siteId().toString())
			.param("patientId", patient.toString())
			.param("from", site.at(monday, 0, 0).toString())
			.param("until", site.at(monday.plusDays(7), 0, 0).toString()));
	}

	static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}

	static String clinician() {
		return "dr." + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The events of a type published about the patient, once there are {@code count}. */
	List<JsonNode> published(String type, UUID patient, int count) {
		await().atMost(PATIENCE)
			.until(() -> EventProbe.records(EventSchemas.topicOf(type), EventProbe.ofType(type, patient)).size() >= count);
		return EventProbe.records(EventSchemas.topicOf(type), EventProbe.ofType(type, patient))
			.stream()
			.map(record -> {
				assertThat(EventSchemas.violations(type, record.value())).isEmpty();
				return json.readTree(record.value());
			})
			.toList();
	}

	@Test
	void givenAReferredPatientWhenTheFrontDeskBooksAFreeSlotThenItIsBookedListedOnTheClinicianDayAndPublished()
			throws Exception {
		var site = siteIn(ZoneId.of("America/New_York"));
		var monday = aWeekOfItsOwn();
		var tuesday = monday.plusDays(1);
		var doctor = clinician();
		var patient = referredPatient("Ada", "Lovelace");
		var nine = slot(site, doctor, site.at(tuesday, 9, 0));
		var ten = slot(site, doctor, site.at(tuesday, 10, 0));
		freeSlots(site, patient, monday).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].consultationSlotId", hasItem(nine.toString())))
			.andExpect(jsonPath("$[0].siteName").value(site.name()))
			.andExpect(jsonPath("$[0].timeZone").value("America/New_York"))
			.andExpect(jsonPath("$[0].clinician").value(doctor));

		var body = json.readTree(book(patient, nine, FRONT_DESK).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("booked"))
			.andExpect(jsonPath("$.patientName").value("Ada Lovelace"))
			.andExpect(jsonPath("$.clinician").value(doctor))
			.andExpect(jsonPath("$.siteName").value(site.name()))
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.start").value(site.at(tuesday, 9, 0).toString()))
			.andExpect(jsonPath("$.bookedBy").value("frank"))
			.andExpect(jsonPath("$.actions", hasItem("CANCEL")))
			.andExpect(jsonPath("$.actions", hasItem("RESCHEDULE")))
			.andExpect(jsonPath("$.actions", not(hasItem("NO_SHOW"))))
			.andReturn()
			.getResponse()
			.getContentAsString());
		var consultation = id(body);

		// the slot is taken: another patient no longer sees it, and the patient's own time is no longer free
		freeSlots(site, referredPatient("Grace", "Hopper"), monday)
			.andExpect(jsonPath("$[*].consultationSlotId", not(hasItem(nine.toString()))))
			.andExpect(jsonPath("$[*].consultationSlotId", hasItem(ten.toString())));
		mvc.perform(get("/api/scheduling/consultations").with(FRONT_DESK)
			.param("siteId", site.siteId().toString())
			.param("from", tuesday.toString())
			.param("to", tuesday.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consultations", hasSize(1)))
			.andExpect(jsonPath("$.consultations[0].id").value(consultation.toString()))
			.andExpect(jsonPath("$.consultations[0].mrn").exists());

		// the clinician's day, on the site's clock: Tuesday there, not Monday or Wednesday
		mvc.perform(get("/api/scheduling/consultations/mine").with(Tokens.as(doctor, "clinician"))
			.param("date", tuesday.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clinician").value(doctor))
			.andExpect(jsonPath("$.consultations", hasSize(1)))
			.andExpect(jsonPath("$.consultations[0].patientName").value("Ada Lovelace"));
		mvc.perform(get("/api/scheduling/consultations/mine").with(Tokens.as(doctor, "clinician"))
			.param("date", monday.plusDays(2).toString())).andExpect(jsonPath("$.consultations", hasSize(0)));
		mvc.perform(get("/api/scheduling/consultations/mine").with(Tokens.as(clinician(), "clinician"))
			.param("date", tuesday.toString())).andExpect(jsonPath("$.consultations", hasSize(0)));

		var event = published(BOOKED, patient, 1).get(0);
		assertThat(event.get("consultationId").asString()).isEqualTo(consultation.toString());
		assertThat(event.get("aggregateVersion").asLong()).isEqualTo(1);
		assertThat(event.get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(event.get("clinician").asString()).isEqualTo(doctor);
	}

	@Test
	void givenAPatientWithABookedConsultationThenASecondBookingIsRefusedAndAnInfusionThenIsRefusedToo() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var doctor = clinician();
		var patient = referredPatient("Mary", "Seacole");
		var first = slot(site, doctor, site.at(monday, 9, 0));
		var second = slot(site, doctor, site.at(monday, 11, 0));
		booked(patient, first);

		book(patient, second, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("ALREADY_BOOKED"))
			.andExpect(jsonPath("$.detail", containsString("Mary Seacole already has a consultation booked")));

		// the same patient, cleared meanwhile with a course: no infusion while the consultation runs
		var course = courses
			.decided(new CourseService.Decision(patient, "Mary Seacole", Eligibility.CLEARED, 3, Instant.now()))
			.orElseThrow();
		mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(site.chairId(), site.at(monday, 8, 30))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("consultation")));
	}

	@Test
	void givenAnInfusionBookedThenAConsultationOverlappingItIsRefusedNamingTheChair() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var patient = referredPatient("Rosalind", "Franklin");
		var course = courses
			.decided(new CourseService.Decision(patient, "Rosalind Franklin", Eligibility.CLEARED, 3, Instant.now()))
			.orElseThrow();
		bookings.book(course.id(), new BookingService.Booking(site.chairId(), site.at(monday, 9, 0)));
		var during = slot(site, clinician(), site.at(monday, 10, 0));

		book(patient, during, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("PATIENT_BUSY"))
			.andExpect(jsonPath("$.detail", containsString("Rosalind Franklin has an infusion in Chair A")));
		freeSlots(site, patient, monday).andExpect(jsonPath("$[*].consultationSlotId", not(hasItem(during.toString()))));
	}

	@Test
	void givenAPatientSchedulingDoesNotKnowOrKnowsWithoutAReferralThenTheBookingIsRefusedInWords() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var slot = slot(site, clinician(), site.at(aWeekOfItsOwn(), 9, 0));

		book(UUID.randomUUID(), slot, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("PATIENT_UNKNOWN"))
			.andExpect(jsonPath("$.detail", containsString("intake has not told of their registration")));

		var unreferred = UUID.randomUUID();
		registry.registeredOrUpdated(new RegisteredPatient(unreferred, "MRN-X", "Alan", "Turing",
				LocalDate.of(1962, 6, 23), 1, Instant.now()));
		book(unreferred, slot, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_REFERRED"))
			.andExpect(jsonPath("$.detail", containsString("Alan Turing (MRN-X) has no referral")));

		book(referredPatient("Ada", "Byron"), UUID.randomUUID(), FRONT_DESK).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("slotId"));
		mvc.perform(post("/api/scheduling/consultations").with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":\"%s\"}".formatted(slot)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("patientId"));
	}

	@Test
	void givenTheSiteClosedOrTheSlotOutsideItsHoursOrBegunThenTheSlotIsNeitherOfferedNorBooked() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var doctor = clinician();
		var patient = referredPatient("Emily", "Dickinson");
		var evening = slot(site, doctor, site.at(monday, 18, 30));
		var tuesday = slot(site, doctor, site.at(monday.plusDays(1), 9, 0));
		mvc.perform(post("/api/scheduling/sites/{siteId}/closures", site.siteId()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"date":"%s","reason":"Staff training"}""".formatted(monday.plusDays(1))))
			.andExpect(status().isCreated());

		freeSlots(site, patient, monday).andExpect(jsonPath("$", hasSize(0)));
		book(patient, evening, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("SLOT_NOT_OPEN"))
			.andExpect(jsonPath("$.detail", containsString("outside the opening hours")));
		book(patient, tuesday, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is closed on " + monday.plusDays(1) + " (Staff training)")));

		var wednesday = slot(site, doctor, site.at(monday.plusDays(2), 9, 0));
		clock.set(site.at(monday.plusDays(2), 9, 10));
		book(patient, wednesday, FRONT_DESK).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("NOT_NOW"))
			.andExpect(jsonPath("$.detail", containsString("has begun or is over")));
	}

	@Test
	void givenABookedConsultationWhenCancelledWithAReasonThenItsSlotIsFreeAndTheCancellationPublished()
			throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var patient = referredPatient("Marie", "Curie");
		var slot = slot(site, clinician(), site.at(monday, 14, 0));
		var consultation = booked(patient, slot);

		cancel(consultation, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("A cancellation needs a reason"));
		cancel(consultation, """
				{"reason":"Patient asked to come another week"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.consultation.status").value("cancelled"))
			.andExpect(jsonPath("$.consultation.cancellationReason").value("Patient asked to come another week"))
			.andExpect(jsonPath("$.consultation.actions", hasSize(0)))
			.andExpect(jsonPath("$.history[1].to").value("cancelled"))
			.andExpect(jsonPath("$.history[1].by").value("frank"));
		cancel(consultation, """
				{"reason":"again"}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("The consultation is cancelled")));

		freeSlots(site, patient, monday).andExpect(jsonPath("$[*].consultationSlotId", hasItem(slot.toString())));
		var event = published(CANCELLED, patient, 1).get(0);
		assertThat(event.get("consultationId").asString()).isEqualTo(consultation.toString());
		assertThat(event.get("aggregateVersion").asLong()).isEqualTo(2);
		assertThat(event.get("reason").asString()).isEqualTo("Patient asked to come another week");
		// cancelled ones are listed only when asked
		mvc.perform(get("/api/scheduling/consultations").with(FRONT_DESK).param("patientId", patient.toString())
			.param("from", monday.toString())).andExpect(jsonPath("$.consultations", hasSize(0)));
		mvc.perform(get("/api/scheduling/consultations").with(FRONT_DESK).param("patientId", patient.toString())
			.param("from", monday.toString())
			.param("includeCancelled", "true")).andExpect(jsonPath("$.consultations", hasSize(1)));
	}

	@Test
	void givenABookedConsultationWhenMovedToAnotherSlotThenTheOldIsCancelledTheNewLinkedAndAMoveToATakenSlotChangesNothing()
			throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var doctor = clinician();
		var patient = referredPatient("Katherine", "Johnson");
		var other = referredPatient("Dorothy", "Vaughan");
		var nine = slot(site, doctor, site.at(monday, 9, 0));
		var ten = slot(site, doctor, site.at(monday, 10, 0));
		var eleven = slot(site, doctor, site.at(monday, 11, 0));
		var consultation = booked(patient, nine);
		booked(other, eleven);

		reschedule(consultation, eleven).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("SLOT_TAKEN"));
		mvc.perform(get("/api/scheduling/consultations/{id}", consultation).with(FRONT_DESK))
			.andExpect(jsonPath("$.consultation.status").value("booked"));

		var moved = json.readTree(reschedule(consultation, ten).andExpect(status().isCreated())
			.andExpect(jsonPath("$.consultation.status").value("booked"))
			.andExpect(jsonPath("$.consultation.rescheduledFrom").value(consultation.toString()))
			.andExpect(jsonPath("$.consultation.start").value(site.at(monday, 10, 0).toString()))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("consultation");
		mvc.perform(get("/api/scheduling/consultations/{id}", consultation).with(FRONT_DESK))
			.andExpect(jsonPath("$.consultation.status").value("cancelled"))
			.andExpect(jsonPath("$.consultation.cancellationReason").value("rescheduled"));
		freeSlots(site, referredPatient("Mae", "Jemison"), monday)
			.andExpect(jsonPath("$[*].consultationSlotId", hasItem(nine.toString())))
			.andExpect(jsonPath("$[*].consultationSlotId", not(hasItem(ten.toString()))));

		var event = published(RESCHEDULED, patient, 1).get(0);
		assertThat(event.get("consultationId").asString()).isEqualTo(consultation.toString());
		assertThat(event.get("newConsultationId").asString()).isEqualTo(id(moved).toString());
		assertThat(event.get("aggregateVersion").asLong()).isGreaterThan(1);
	}

	@Test
	void givenABookedConsultationThenArrivalIsOnItsDayAndANoShowOnceItHasBegun() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var doctor = clinician();
		var early = referredPatient("Ada", "Early");
		var missing = referredPatient("Bea", "Missing");
		var arrives = booked(early, slot(site, doctor, site.at(monday, 9, 0)));
		var misses = booked(missing, slot(site, doctor, site.at(monday, 10, 0)));

		mvc.perform(post("/api/scheduling/consultations/{id}/arrival", arrives).with(FRONT_DESK))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("an arrival is recorded on its day")));

		clock.set(site.at(monday, 8, 50));
		mvc.perform(get("/api/scheduling/consultations/{id}", misses).with(FRONT_DESK))
			.andExpect(jsonPath("$.consultation.actions", hasItem("ARRIVE")))
			.andExpect(jsonPath("$.consultation.actions", not(hasItem("NO_SHOW"))));
		mvc.perform(post("/api/scheduling/consultations/{id}/arrival", arrives).with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consultation.status").value("arrived"))
			.andExpect(jsonPath("$.consultation.actions[0]").value("CANCEL"));
		mvc.perform(post("/api/scheduling/consultations/{id}/no-show", misses).with(FRONT_DESK))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("a no-show is recorded once it has begun")));

		clock.set(site.at(monday, 10, 20));
		mvc.perform(post("/api/scheduling/consultations/{id}/no-show", misses).with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consultation.status").value("noshow"));
		assertThat(published(NO_SHOW, missing, 1).get(0).get("consultationId").asString()).isEqualTo(misses.toString());
	}

	@Test
	void givenRolesThatMayNotBookThenEveryChangeIsRefusedAndTheClinicianReadsOnlyTheirOwnDay() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var patient = referredPatient("Nora", "Nobody");
		var slot = slot(site, clinician(), site.at(monday, 9, 0));
		var nurse = Tokens.as("nina", "nurse");
		var doctor = Tokens.as("dr.who", "clinician");

		book(patient, slot, nurse).andExpect(status().isForbidden());
		book(patient, slot, doctor).andExpect(status().isForbidden());
		mvc.perform(get("/api/scheduling/consultations").with(nurse)).andExpect(status().isForbidden());
		mvc.perform(get("/api/scheduling/consultations").with(doctor)).andExpect(status().isForbidden());
		mvc.perform(get("/api/scheduling/consultations/mine").with(FRONT_DESK)).andExpect(status().isForbidden());
		mvc.perform(get("/api/scheduling/consultations/mine").with(nurse)).andExpect(status().isForbidden());
		var consultation = booked(patient, slot);
		mvc.perform(post("/api/scheduling/consultations/{id}/cancellation", consultation).with(doctor)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"no\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/scheduling/consultations/{id}", consultation).with(FRONT_DESK))
			.andExpect(jsonPath("$.consultation.status").value("booked"));
		// today by default, on the clinic's clock
		mvc.perform(get("/api/scheduling/consultations/mine").with(doctor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value(LocalDate.now(CLINIC_ZONE).toString()));
	}

	@Test
	void givenASlotHoldingAConsultationThenItIsNotRemovedUntilTheConsultationIsCancelled() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var monday = aWeekOfItsOwn();
		var patient = referredPatient("Grace", "Removed");
		var slot = slot(site, clinician(), site.at(monday, 15, 0));
		var consultation = booked(patient, slot);

		mvc.perform(delete("/api/scheduling/consultation-slots/{id}", slot).param("version", "1").with(ADMIN))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("move or cancel it before the slot is removed")));
		cancel(consultation, "{\"reason\":\"Clinician away\"}").andExpect(status().isOk());
		mvc.perform(delete("/api/scheduling/consultation-slots/{id}", slot).param("version", "1").with(ADMIN))
			.andExpect(status().isNoContent());
		// the cancelled consultation keeps its time and clinician
		mvc.perform(get("/api/scheduling/consultations/{id}", consultation).with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consultation.slotId").value(nullValue()))
			.andExpect(jsonPath("$.consultation.start").value(site.at(monday, 15, 0).toString()));
	}
}
