package clinic.intake.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import clinic.intake.IntakeIntegrationTest;
import clinic.platform.test.EventProbe;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Reminders end to end inside intake: scheduling's events come over real Kafka, the reminders are kept in
 * PostgreSQL, and the e-mails arrive at a real SMTP server (GreenMail). Time is the clinic's clock, set by the test.
 */
class ReminderTest extends IntakeIntegrationTest {

	private static final String TOPIC = "clinic.scheduling";

	@Autowired
	ReminderSender sender;

	@Test
	void givenAConsentingPatient_whenAnInfusionIsBooked_thenGreenMailReceivesTheReminderWhenDueAndNoneAfterThePause()
			throws Exception {
		var patient = registerPatient("Remy");
		var email = consent(patient, true);
		var site = UUID.randomUUID();
		mvc.perform(put("/api/intake/reminder-templates").with(as("ada", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"siteId":"%s","kind":"APPOINTMENT","channel":"EMAIL","subject":"Lakeside: infusion {sequence} on {start}",
					 "body":"Hello {givenName}, see you on {start} in {chair} at {site}."}""".formatted(site)))
			.andExpect(status().isOk());
		var t0 = Instant.now().truncatedTo(ChronoUnit.HOURS);
		clock.set(t0);
		var course = UUID.randomUUID();
		var first = UUID.randomUUID();
		var second = UUID.randomUUID();
		// 2026-… 09:00 UTC is 10:00 in Zurich in winter, 11:00 in summer: the mail must show the site's time
		var firstStart = t0.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
		var secondStart = firstStart.plus(Duration.ofDays(2));
		booked(patient, course, first, 1, firstStart, site, 2);
		booked(patient, course, second, 2, secondStart, site, 3);
		publish("clinic.scheduling.course-planned.v1", patient, """
				{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"%s","courseId":"%s",
				 "plannedInfusions":2,"appointments":[%s,%s]}""".formatted(UUID.randomUUID(), patient, t0, course,
				occurrence(first, 1, firstStart), occurrence(second, 2, secondStart)));

		// the course's confirmation goes at once, listing both infusions in the site's time
		var confirmation = awaitMails(email, 1).get(0);
		assertThat(confirmation.getSubject()).isEqualTo("Your infusion course at Lakeside");
		assertThat(text(confirmation)).contains("Dear Remy").contains(zurich(firstStart)).contains(zurich(secondStart));
		assertThat(reminderStatus(first)).isEqualTo("PENDING");

		// a day before the first infusion, its reminder goes, in the site's own words
		clock.set(firstStart.minus(Duration.ofHours(24)).plusSeconds(60));
		var reminder = awaitMails(email, 2).get(1);
		assertThat(reminder.getSubject()).isEqualTo("Lakeside: infusion 1 on " + zurich(firstStart));
		assertThat(text(reminder)).contains("Hello Remy").contains("Chair 1").contains("Lakeside");
		assertThat(delivery(first, Channel.EMAIL)).isEqualTo("SENT");
		assertThat(delivery(first, Channel.SMS)).isEqualTo("SKIPPED_NO_CONSENT");

		// a serious adverse event pauses the course: the second infusion's reminder is cancelled and never goes
		publish("clinic.scheduling.course-paused.v1", patient, """
				{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"%s","courseId":"%s",
				 "reason":"Serious adverse event","adverseEventId":"%s","heldAppointmentIds":["%s"]}"""
			.formatted(UUID.randomUUID(), patient, firstStart, course, UUID.randomUUID(), second));
		await().atMost(PATIENCE).until(() -> "CANCELLED".equals(reminderStatus(second)));
		clock.set(secondStart.minus(Duration.ofHours(1)));
		sender.sendDue();
		assertThat(mailsTo(email)).hasSize(2);
		assertThat(reminderStatus(second)).isEqualTo("CANCELLED");

		// the clinician resumes it: the infusion still booked ahead is reminded of again
		publish("clinic.scheduling.course-resumed.v1", patient, """
				{"eventId":"%s","patientId":"%s","aggregateVersion":5,"occurredAt":"%s","courseId":"%s",
				 "reason":"Reviewed","resumedBy":"dr.house","status":"ACTIVE","adverseEventIds":["%s"]}"""
			.formatted(UUID.randomUUID(), patient, secondStart.minus(Duration.ofHours(1)), course, UUID.randomUUID()));
		var third = awaitMails(email, 3).get(2);
		assertThat(third.getSubject()).contains("infusion 2 on " + zurich(secondStart));
	}

	@Test
	void givenNoConsent_whenAReminderIsDue_thenNothingIsSentAndTheSkipIsKept() throws Exception {
		var patient = registerPatient("Nora");
		var email = consent(patient, false);
		var appointment = UUID.randomUUID();
		booked(patient, UUID.randomUUID(), appointment, 1, clock.instant().plus(Duration.ofHours(2)),
				UUID.randomUUID(), 1);

		await().atMost(PATIENCE).until(() -> "DONE".equals(reminderStatus(appointment)));
		assertThat(delivery(appointment, Channel.EMAIL)).isEqualTo("SKIPPED_NO_CONSENT");
		assertThat(mailsTo(email)).isEmpty();
		mvc.perform(get("/api/intake/patients/{patientId}/reminders", patient).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("DONE"))
			.andExpect(jsonPath("$[0].deliveries[0].outcome").value("SKIPPED_NO_CONSENT"));
	}

	@Test
	void givenAPatientWhoOptsOut_whenTheNextReminderIsDue_thenItIsNotSent() throws Exception {
		var patient = registerPatient("Otto");
		var email = consent(patient, true);
		var course = UUID.randomUUID();
		var soon = UUID.randomUUID();
		var later = UUID.randomUUID();
		var t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(t0);
		var laterStart = t0.plus(Duration.ofDays(4));
		booked(patient, course, soon, 1, t0.plus(Duration.ofHours(3)), UUID.randomUUID(), 1);
		booked(patient, course, later, 2, laterStart, UUID.randomUUID(), 2);
		awaitMails(email, 1);

		mvc.perform(put("/api/intake/patients/{patientId}/contact", patient).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"email":"%s","emailConsent":false,"smsConsent":false}""".formatted(email)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.consents[?(@.channel == 'EMAIL')].granted").value(false))
			.andExpect(jsonPath("$.consents[?(@.channel == 'EMAIL')].recordedBy").value("frank"));
		clock.set(laterStart.minus(Duration.ofHours(23)));
		await().atMost(PATIENCE).until(() -> "DONE".equals(reminderStatus(later)));
		assertThat(delivery(later, Channel.EMAIL)).isEqualTo("SKIPPED_NO_CONSENT");
		assertThat(mailsTo(email)).hasSize(1);
	}

	@Test
	void givenACancelledAppointment_whenItsReminderWouldBeDue_thenNothingIsSent() throws Exception {
		var patient = registerPatient("Cleo");
		var email = consent(patient, true);
		var course = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		var t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(t0);
		var start = t0.plus(Duration.ofDays(3));
		booked(patient, course, appointment, 1, start, UUID.randomUUID(), 1);
		await().atMost(PATIENCE).until(() -> "PENDING".equals(reminderStatus(appointment)));
		publish("clinic.scheduling.appointment-cancelled.v1", patient, """
				{"eventId":"%s","patientId":"%s","aggregateVersion":2,"occurredAt":"%s","appointmentId":"%s",
				 "courseId":"%s","reason":"Patient asked"}""".formatted(UUID.randomUUID(), patient, t0, appointment,
				course));
		await().atMost(PATIENCE).until(() -> "CANCELLED".equals(reminderStatus(appointment)));
		clock.set(start.minus(Duration.ofHours(1)));
		sender.sendDue();
		assertThat(mailsTo(email)).isEmpty();
	}

	@Test
	void givenConsentToEmailWithoutAnAddress_whenRecorded_thenTheEmailFieldIsNamedAndNothingIsKept() throws Exception {
		var patient = registerPatient("Faye");
		mvc.perform(put("/api/intake/patients/{patientId}/contact", patient).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"emailConsent":true,"smsConsent":false}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		mvc.perform(put("/api/intake/patients/{patientId}/contact", patient).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"email":"faye@example.org","emailConsent":false,"smsConsent":true}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("smsConsent"));
		mvc.perform(get("/api/intake/patients/{patientId}/contact", patient).with(as("frank", "front-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").doesNotExist())
			.andExpect(jsonPath("$.consents").isEmpty());
		mvc.perform(get("/api/intake/patients/{patientId}/contact", patient).with(as("nina", "nurse")))
			.andExpect(status().isForbidden());
	}

	@Test
	void givenATemplateWithAnUnknownPlaceholder_whenSaved_thenTheFieldIsNamedAndTheTemplateIsUnchanged()
			throws Exception {
		mvc.perform(put("/api/intake/reminder-templates").with(as("ada", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"APPOINTMENT","channel":"SMS","body":"See you {strat}"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		assertThat(jdbc.sql("""
				select body from reminder_template where site_id is null and kind = 'APPOINTMENT' and channel = 'SMS'""")
			.query(String.class)
			.single()).startsWith("Reminder: your infusion");
		mvc.perform(get("/api/intake/reminder-templates").with(as("ada", "admin"))).andExpect(status().isOk());
		// the clinic's default is changed in place (the same words here, so no other test notices)
		mvc.perform(put("/api/intake/reminder-templates").with(as("ada", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"COURSE_CONFIRMATION","channel":"SMS",
					 "body":"Your infusion course at {site} is booked, first infusion {start}."}"""))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("""
				select updated_by from reminder_template
				where site_id is null and kind = 'COURSE_CONFIRMATION' and channel = 'SMS'""")
			.query(String.class)
			.list()).containsExactly("ada");
		mvc.perform(put("/api/intake/reminder-templates").with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"APPOINTMENT","channel":"SMS","body":"Hi"}"""))
			.andExpect(status().isForbidden());
	}

	/** Records the patient's e-mail address (one of their own) and e-mail consent; returns the address. */
	private String consent(UUID patient, boolean emailConsent) throws Exception {
		var email = "p-" + patient + "@patients.example";
		mvc.perform(put("/api/intake/patients/{patientId}/contact", patient).with(as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"email":"%s","emailConsent":%s,"smsConsent":false}""".formatted(email, emailConsent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email));
		return email;
	}

	private void booked(UUID patient, UUID course, UUID appointment, int sequence, Instant start, UUID site,
			long version) {
		publish("clinic.scheduling.appointment-booked.v1", patient, """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"%s","appointmentId":"%s",
				 "courseId":"%s","patientName":"Test Patient","chairId":"%s","chairName":"Chair %d","kind":"INFUSION",
				 "sequence":%d,"start":"%s","end":"%s","siteId":"%s","siteName":"Lakeside",
				 "timeZone":"Europe/Zurich","courseInfusions":2}"""
			.formatted(UUID.randomUUID(), patient, version, clock.instant(), appointment, course, UUID.randomUUID(),
					sequence, sequence, start, start.plus(Duration.ofMinutes(110)), site));
	}

	private static String occurrence(UUID appointment, int sequence, Instant start) {
		return """
				{"appointmentId":"%s","sequence":%d,"chairId":"%s","chairName":"Chair %d","start":"%s","end":"%s"}"""
			.formatted(appointment, sequence, UUID.randomUUID(), sequence, start, start.plus(Duration.ofMinutes(110)));
	}

	private static void publish(String type, UUID patient, String json) {
		EventProbe.send(TOPIC, patient, EventProbe.cloudEvent(UUID.randomUUID(), type, patient, json));
	}

	private static String zurich(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH)
			.format(instant.atZone(java.time.ZoneId.of("Europe/Zurich")));
	}

	private String reminderStatus(UUID appointment) {
		return jdbc.sql("""
				select status from reminder where appointment_id = :id
				order by case status when 'CANCELLED' then 1 else 0 end, created_at desc limit 1""")
			.param("id", appointment)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String delivery(UUID appointment, Channel channel) {
		return jdbc.sql("""
				select d.outcome from reminder_delivery d join reminder r on r.id = d.reminder_id
				where r.appointment_id = :id and d.channel = :channel""")
			.param("id", appointment)
			.param("channel", channel.name())
			.query(String.class)
			.single();
	}

	private static List<MimeMessage> awaitMails(String address, int count) {
		await().atMost(PATIENCE).until(() -> mailsTo(address).size() >= count);
		var mails = mailsTo(address);
		assertThat(mails).hasSize(count);
		return mails;
	}

	private static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static String text(MimeMessage message) throws Exception {
		return String.valueOf(message.getContent());
	}
}
