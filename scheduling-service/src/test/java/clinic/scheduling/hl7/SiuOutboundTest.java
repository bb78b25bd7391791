package clinic.scheduling.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.SIU_S12;
import ca.uhn.hl7v2.util.Terser;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;

/**
 * HL7 v2 out, to a real MLLP receiver (HAPI's server on a port of the test's): an infusion booked and cancelled through
 * the API reaches it as SIU^S12 then S15, parsed by HAPI and checked field by field; a move is an S13 keeping the
 * first appointment as SCH-1; a no-show an S26; a consultation names its clinician. A receiver that is down gets the
 * message once it is up; one that refuses (AE) until the last attempt leaves a dead letter, holding back the later
 * message of its appointment, and the administrator's replay delivers both in order. A booking rolled back writes and
 * sends nothing. The receiver is on in this class only (a context of its own, with short retry waits).
 */
@TestPropertySource(properties = { "clinic.scheduling.hl7.outbound.host=localhost",
		"clinic.scheduling.hl7.outbound.sending-application=SCHEDULING",
		"clinic.scheduling.hl7.outbound.sending-facility=KETAMINE-CLINIC",
		"clinic.scheduling.hl7.outbound.receiving-application=EHR", "clinic.scheduling.hl7.outbound.receiving-facility=HOSPITAL",
		"clinic.scheduling.hl7.outbound.max-attempts=3", "clinic.scheduling.hl7.outbound.first-retry=200ms",
		"clinic.scheduling.hl7.outbound.max-retry=400ms", "clinic.scheduling.hl7.outbound.poll-interval=100ms",
		"clinic.scheduling.hl7.outbound.connect-timeout=1s", "clinic.scheduling.hl7.outbound.read-timeout=3s" })
class SiuOutboundTest extends SchedulingIntegrationTest {

	private static final int PORT = TestReceiver.freePort();

	private static final TestReceiver receiver = new TestReceiver(PORT);

	private static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	private static final RequestPostProcessor ADMIN = Tokens.as("ann", "admin");

	@DynamicPropertySource
	static void receiverPort(DynamicPropertyRegistry registry) {
		registry.add("clinic.scheduling.hl7.outbound.port", () -> PORT);
	}

	@Autowired
	PatientRegistry registry;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeAll
	static void receiverUp() throws InterruptedException {
		receiver.start();
	}

	@AfterAll
	static void receiverDown() throws Exception {
		receiver.stop();
	}

	@AfterEach
	void receiverAcceptsAgain() throws InterruptedException {
		receiver.refuse(false);
		receiver.start();
	}

	@Test
	void anInfusionBookedAndCancelledReachesTheReceiverAsAnS12ThenAnS15() throws Exception {
		var patient = registeredPatient("Ada", "Lovelace", LocalDate.of(1985, 12, 10));
		var course = courseOf(patient, "Ada Lovelace");
		var start = at(aWeekOfItsOwn(), 9, 0);

		var appointment = book(course, start);
		cancel(appointment, "Patient has the flu");

		var messages = awaitReceived(appointment, 2);
		var booked = messages.get(0);
		var cancelled = messages.get(1);
		assertThat(field(booked, "MSH-9-1") + "^" + field(booked, "MSH-9-2") + "^" + field(booked, "MSH-9-3"))
			.isEqualTo("SIU^S12^SIU_S12");
		assertThat(field(cancelled, "MSH-9-2")).isEqualTo("S15");
		assertThat(field(booked, "MSH-12")).isEqualTo("2.5");
		assertThat(List.of(field(booked, "MSH-3"), field(booked, "MSH-4"), field(booked, "MSH-5"),
				field(booked, "MSH-6")))
			.containsExactly("SCHEDULING", "KETAMINE-CLINIC", "EHR", "HOSPITAL");
		assertThat(field(booked, "MSH-10")).isNotBlank().isNotEqualTo(field(cancelled, "MSH-10"));
		assertThat(field(booked, "MSH-7")).isNotBlank();

		var sch = booked.getSCH();
		assertThat(sch.getPlacerAppointmentID().getEntityIdentifier().getValue()).isEqualTo(appointment.toString());
		assertThat(sch.getFillerAppointmentID().getEntityIdentifier().getValue()).isEqualTo(appointment.toString());
		assertThat(sch.getAppointmentTimingQuantity(0).getStartDateTime().getTime().getValueAsDate().toInstant())
			.isEqualTo(start);
		assertThat(sch.getAppointmentTimingQuantity(0).getEndDateTime().getTime().getValueAsDate().toInstant())
			.isEqualTo(start.plus(Duration.ofMinutes(110)));
		assertThat(booked.getTQ1().getStartDateTime().getTime().getValueAsDate().toInstant()).isEqualTo(start);
		assertThat(sch.getAppointmentDuration().getValue()).isEqualTo("110");
		assertThat(sch.getAppointmentReason().getIdentifier().getValue()).isEqualTo("INFUSION");
		assertThat(sch.getFillerStatusCode().getIdentifier().getValue()).isEqualTo("Booked");
		assertThat(sch.getEnteredByPerson(0).getIDNumber().getValue()).isEqualTo("frank");

		var pid = booked.getPATIENT().getPID();
		assertThat(pid.getPatientIdentifierList(0).getIDNumber().getValue()).isEqualTo(patient.mrn());
		assertThat(pid.getPatientIdentifierList(0).getIdentifierTypeCode().getValue()).isEqualTo("MR");
		assertThat(pid.getPatientIdentifierList(1).getIDNumber().getValue()).isEqualTo(patient.id().toString());
		assertThat(pid.getPatientName(0).getFamilyName().getSurname().getValue()).isEqualTo("Lovelace");
		assertThat(pid.getPatientName(0).getGivenName().getValue()).isEqualTo("Ada");
		assertThat(pid.getDateTimeOfBirth().getTime().getValue()).isEqualTo("19851210");

		assertThat(booked.getRESOURCES().getRGS().getSetIDRGS().getValue()).isEqualTo("1");
		var ail = booked.getRESOURCES().getLOCATION_RESOURCE().getAIL();
		assertThat(ail.getLocationResourceID(0).getRoom().getValue()).isEqualTo("Infusion room");
		assertThat(ail.getLocationResourceID(0).getBed().getValue()).isEqualTo("Chair 1");
		assertThat(ail.getLocationResourceID(0).getFacility().getNamespaceID().getValue()).isEqualTo("Main clinic");
		assertThat(ail.getStartDateTime().getTime().getValueAsDate().toInstant()).isEqualTo(start);

		var cancelledSch = cancelled.getSCH();
		assertThat(cancelledSch.getPlacerAppointmentID().getEntityIdentifier().getValue())
			.isEqualTo(appointment.toString());
		assertThat(cancelledSch.getFillerStatusCode().getIdentifier().getValue()).isEqualTo("Cancelled");
		assertThat(cancelledSch.getEventReason().getText().getValue()).isEqualTo("Patient has the flu");
		assertThat(cancelled.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue())
			.isEqualTo(patient.mrn());

		// The receiver has the S15 a moment before the sender records its AA.
		await().atMost(PATIENCE)
			.until(() -> rows(appointment).stream().allMatch(m -> m.status() == OutboundMessage.Status.SENT));
		assertThat(rows(appointment)).extracting(OutboundMessage::triggerEvent, OutboundMessage::status,
				OutboundMessage::ackCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("S12", OutboundMessage.Status.SENT, "AA"),
					org.assertj.core.groups.Tuple.tuple("S15", OutboundMessage.Status.SENT, "AA"));
	}

	@Test
	void aMoveIsAnS13ThatKeepsTheFirstAppointmentAsItsPlacerId() throws Exception {
		var patient = registeredPatient("Grace", "Hopper", LocalDate.of(1976, 12, 9));
		var course = courseOf(patient, "Grace Hopper");
		var day = aWeekOfItsOwn();
		var appointment = book(course, at(day, 9, 0));
		var later = at(day.plusDays(1), 13, 0);

		var moved = UUID.fromString(json.readTree(mvc
			.perform(post("/api/scheduling/appointments/{appointmentId}/reschedule", appointment).with(FRONT_DESK)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"chairId":"%s","start":"%s"}""".formatted(CHAIR_2, later)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString());

		var messages = awaitReceived(appointment, 2);
		var s13 = messages.get(1);
		assertThat(field(s13, "MSH-9-2")).isEqualTo("S13");
		assertThat(s13.getSCH().getPlacerAppointmentID().getEntityIdentifier().getValue())
			.isEqualTo(appointment.toString());
		assertThat(s13.getSCH().getFillerAppointmentID().getEntityIdentifier().getValue()).isEqualTo(moved.toString());
		assertThat(s13.getSCH().getAppointmentTimingQuantity(0).getStartDateTime().getTime().getValueAsDate()
			.toInstant()).isEqualTo(later);
		assertThat(s13.getSCH().getFillerStatusCode().getIdentifier().getValue()).isEqualTo("Booked");
		assertThat(s13.getRESOURCES().getLOCATION_RESOURCE().getAIL().getLocationResourceID(0).getBed().getValue())
			.isEqualTo("Chair 2");
	}

	@Test
	void aNoShowIsAnS26() throws Exception {
		var patient = registeredPatient("Alan", "Turing", LocalDate.of(1962, 6, 23));
		var appointment = book(courseOf(patient, "Alan Turing"), at(aWeekOfItsOwn(), 11, 0));

		mvc.perform(post("/api/scheduling/appointments/{appointmentId}/no-show", appointment).with(FRONT_DESK))
			.andExpect(status().isOk());

		var messages = awaitReceived(appointment, 2);
		assertThat(field(messages.get(1), "MSH-9-2")).isEqualTo("S26");
		assertThat(messages.get(1).getSCH().getFillerStatusCode().getIdentifier().getValue()).isEqualTo("Noshow");
		assertThat(messages.get(1).getRESOURCES().getLOCATION_RESOURCE().getAIL().getFillerStatusCode()
			.getIdentifier().getValue()).isEqualTo("Noshow");
	}

	@Test
	void aConsultationIsAnS12NamingTheClinicianInAip() throws Exception {
		var patient = registeredPatient("Katherine", "Johnson", LocalDate.of(1970, 8, 26));
		registry.referred(new KnownReferral(UUID.randomUUID(), patient.id(), "Dr. Aiken",
				"TREATMENT_RESISTANT_DEPRESSION", Instant.now()));
		var start = at(aWeekOfItsOwn(), 10, 0);
		var slot = id(mvc.perform(post("/api/scheduling/sites/{siteId}/consultation-slots", SITE).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"clinician":"carl","start":"%s","end":"%s"}""".formatted(start, start.plus(Duration.ofMinutes(45))))));
		var consultation = id(mvc.perform(post("/api/scheduling/consultations").with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"patientId":"%s","slotId":"%s"}""".formatted(patient.id(), slot))));

		var s12 = awaitReceived(consultation, 1).get(0);
		assertThat(s12.getSCH().getAppointmentReason().getIdentifier().getValue()).isEqualTo("CONSULTATION");
		assertThat(s12.getSCH().getAppointmentDuration().getValue()).isEqualTo("45");
		var aip = s12.getRESOURCES().getPERSONNEL_RESOURCE().getAIP();
		assertThat(aip.getPersonnelResourceID(0).getIDNumber().getValue()).isEqualTo("carl");
		assertThat(aip.getResourceType().getIdentifier().getValue()).isEqualTo("CLINICIAN");
		assertThat(s12.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue())
			.isEqualTo(patient.mrn());
	}

	@Test
	void whileTheReceiverIsDownTheMessageWaitsAndIsDeliveredOnceItIsUp() throws Exception {
		receiver.stop();
		// the clinic's clock stands still: the retry waits for it, so the message cannot run out of attempts meanwhile
		clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		var patient = registeredPatient("Hedy", "Lamarr", LocalDate.of(1974, 11, 9));
		var appointment = book(courseOf(patient, "Hedy Lamarr"), at(aWeekOfItsOwn(), 14, 0));

		await().atMost(PATIENCE).until(() -> rows(appointment).get(0).attempts() == 1);
		Thread.sleep(500);
		var waiting = rows(appointment).get(0);
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.status()).isEqualTo(OutboundMessage.Status.PENDING);
		assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusMillis(200));
		assertThat(waiting.lastError()).contains("Connection refused");
		assertThat(received(appointment)).isEmpty();

		receiver.start();
		clock.advance(Duration.ofSeconds(1));

		var delivered = awaitReceived(appointment, 1);
		assertThat(field(delivered.get(0), "MSH-10")).isEqualTo(waiting.controlId());
		await().atMost(PATIENCE).until(() -> rows(appointment).get(0).status() == OutboundMessage.Status.SENT);
		assertThat(rows(appointment).get(0).attempts()).isEqualTo(2);
	}

	@Test
	void aMessageRefusedUntilTheLastAttemptIsADeadLetterHoldingBackItsSuccessorUntilReplayed() throws Exception {
		receiver.refuse(true);
		var patient = registeredPatient("Lise", "Meitner", LocalDate.of(1978, 11, 7));
		var appointment = book(courseOf(patient, "Lise Meitner"), at(aWeekOfItsOwn(), 15, 0));

		await().atMost(PATIENCE).until(() -> rows(appointment).get(0).status() == OutboundMessage.Status.FAILED);
		var dead = rows(appointment).get(0);
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.ackCode()).isEqualTo("AE");
		assertThat(dead.lastError()).contains("AE").contains("refuses SIU");
		assertThat(received(appointment)).hasSize(3);

		cancel(appointment, "Moved away");
		Thread.sleep(1000);
		var cancellation = rows(appointment).get(1);
		assertThat(cancellation.triggerEvent()).isEqualTo("S15");
		assertThat(cancellation.status()).isEqualTo(OutboundMessage.Status.PENDING);
		assertThat(cancellation.attempts()).isZero();
		assertThat(received(appointment)).hasSize(3);

		mvc.perform(get("/api/scheduling/hl7/outbound").param("status", "FAILED").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')].lastError".formatted(dead.id())).exists());
		mvc.perform(post("/api/scheduling/hl7/outbound/{messageId}/replay", dead.id()).with(FRONT_DESK))
			.andExpect(status().isForbidden());
		receiver.refuse(false);
		mvc.perform(post("/api/scheduling/hl7/outbound/{messageId}/replay", dead.id()).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.replays").value(1))
			.andExpect(jsonPath("$.lastReplayedBy").value("ann"));

		var messages = awaitReceived(appointment, 5);
		assertThat(messages.subList(3, 5)).extracting(m -> field(m, "MSH-9-2")).containsExactly("S12", "S15");
		await().atMost(PATIENCE)
			.until(() -> rows(appointment).stream().allMatch(m -> m.status() == OutboundMessage.Status.SENT));
		mvc.perform(post("/api/scheduling/hl7/outbound/{messageId}/replay", dead.id()).with(ADMIN))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SENT")));
		mvc.perform(post("/api/scheduling/hl7/outbound/{messageId}/replay", UUID.randomUUID()).with(ADMIN))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/scheduling/hl7/outbound").param("status", "LOST").with(ADMIN))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aBookingRolledBackWritesAndSendsNothing() throws Exception {
		var patient = registeredPatient("Emmy", "Noether", LocalDate.of(1982, 3, 23));
		var course = courseOf(patient, "Emmy Noether");
		var transaction = new TransactionTemplate(transactionManager);

		var appointment = transaction.execute(status -> {
			var booked = bookings.book(course.id(), new BookingService.Booking(CHAIR_3, at(aWeekOfItsOwn(), 9, 0)));
			// written with the booking, in its transaction
			assertThat(rows(booked.id())).hasSize(1);
			status.setRollbackOnly();
			return booked.id();
		});

		assertThat(rows(appointment)).isEmpty();
		assertThat(jdbc.sql("select count(*) from appointment where id = :id").param("id", appointment)
			.query(Long.class).single()).isZero();
		Thread.sleep(500);
		assertThat(received(appointment)).isEmpty();
	}

	private RegisteredPatient registeredPatient(String given, String family, LocalDate born) {
		var id = UUID.randomUUID();
		var patient = new RegisteredPatient(id, "MRN-" + id.toString().substring(0, 6), given, family, born, 1,
				Instant.now());
		registry.registeredOrUpdated(patient);
		return patient;
	}

	private Course courseOf(RegisteredPatient patient, String name) {
		return courses.decided(new CourseService.Decision(patient.id(), name, Eligibility.CLEARED, 3, Instant.now(),
				null, null, null)).orElseThrow();
	}

	private UUID book(Course course, Instant start) throws Exception {
		return id(mvc.perform(post("/api/scheduling/courses/{courseId}/appointments", course.id()).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"chairId":"%s","start":"%s"}""".formatted(CHAIR_1, start))));
	}

	private void cancel(UUID appointment, String reason) throws Exception {
		mvc.perform(post("/api/scheduling/appointments/{appointmentId}/cancellation", appointment).with(FRONT_DESK)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"reason":"%s"}""".formatted(reason)))
			.andExpect(status().isOk());
	}

	private UUID id(org.springframework.test.web.servlet.ResultActions created) throws Exception {
		return UUID.fromString(json.readTree(created.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString());
	}

	/** The messages of the appointment (either SCH id) in the order written. */
	private List<OutboundMessage> rows(UUID appointment) {
		return jdbc.sql("select id from hl7_outbound_message where appointment_id = :id or placer_id = :id order by seq")
			.param("id", appointment)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> messages.find(id).orElseThrow())
			.toList();
	}

	@Autowired
	OutboundMessages messages;

	/** What the receiver got for the appointment (SCH-1 or SCH-2), in the order it got them. */
	private static List<SIU_S12> received(UUID appointment) {
		return receiver.received()
			.stream()
			.map(SIU_S12.class::cast)
			.filter(m -> appointment.toString().equals(m.getSCH().getPlacerAppointmentID().getEntityIdentifier()
				.getValue()) || appointment.toString().equals(m.getSCH().getFillerAppointmentID()
					.getEntityIdentifier().getValue()))
			.toList();
	}

	private static List<SIU_S12> awaitReceived(UUID appointment, int count) {
		await().atMost(PATIENCE).until(() -> received(appointment).size() >= count);
		return received(appointment);
	}

	private static String field(Message message, String path) {
		try {
			return new Terser(message).get(path);
		}
		catch (HL7Exception e) {
			throw new AssertionError(e);
		}
	}
}
