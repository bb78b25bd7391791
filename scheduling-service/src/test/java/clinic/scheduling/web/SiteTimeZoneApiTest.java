package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each site keeps time in its own zone (the clinic's unless an administrator gives it one): a site in New York is
 * open, planned, shown and checked on New York's clock, and the events about its appointments carry its zone.
 */
class SiteTimeZoneApiTest extends SchedulingIntegrationTest {

	static final String API = "/api/scheduling";

	static final RequestPostProcessor ADMIN = Tokens.as("ann", "admin");

	static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final String BOOKED = "clinic.scheduling.appointment-booked.v1";

	static final String RESCHEDULED = "clinic.scheduling.appointment-rescheduled.v1";

	@Autowired
	JsonMapper json;

	ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor user, String body)
			throws Exception {
		return mvc.perform(request.with(user).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	/** The only event of the type for the patient, once it is on the broker, checked against its schema. */
	JsonNode theOnlyEvent(String type, UUID patientId) {
		await().atMost(PATIENCE)
			.until(() -> !EventProbe.records("clinic.scheduling", EventProbe.ofType(type, patientId)).isEmpty());
		var events = EventProbe.records("clinic.scheduling", EventProbe.ofType(type, patientId));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(type, events.get(0).value())).isEmpty();
		return json.readTree(events.get(0).value());
	}

	@Test
	void givenASiteWithAZoneOfItsOwnOrNoneThenItSaysWhichAppliesAndEachChangeIsAVersionInTheHistory() throws Exception {
		var name = "Harbour " + UUID.randomUUID().toString().substring(0, 8);
		var id = body(send(post(API + "/sites"), ADMIN, """
				{"name":"%s"}""".formatted(name)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.timeZoneSource").value("clinic-settings"))
			.andExpect(jsonPath("$.version").value(1))).get("id").asString();

		// a zone that is no IANA zone is refused naming the field, and nothing is written
		for (var bad : new String[] { "Mars/Olympus_Mons", "+02:00", "CET; drop table site" }) {
			send(post(API + "/sites"), ADMIN, """
					{"name":"%s elsewhere","timeZone":"%s"}""".formatted(name, bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("timeZone")));
		}
		mvc.perform(get(API + "/sites").with(FRONT_DESK))
			.andExpect(jsonPath("$[*].name", not(hasItem(name + " elsewhere"))));

		send(put(API + "/sites/{id}", id), ADMIN, """
				{"name":"%s","timeZone":"America/New_York","version":1}""".formatted(name)).andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.timeZoneSource").value("site"))
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(get(API + "/sites/{id}/hours", id).with(FRONT_DESK))
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.source").value("clinic-settings"));

		// a rename without timeZone keeps the zone; a bad one changes nothing; "" gives the site the clinic's again
		send(put(API + "/sites/{id}", id), ADMIN, """
				{"name":"%s renamed","version":2}""".formatted(name)).andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.version").value(3));
		send(put(API + "/sites/{id}", id), ADMIN, """
				{"name":"%s","timeZone":"Not/A_Zone","version":3}""".formatted(name)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("timeZone")));
		send(put(API + "/sites/{id}", id), FRONT_DESK, """
				{"name":"%s","timeZone":"Asia/Tokyo","version":3}""".formatted(name)).andExpect(status().isForbidden());
		mvc.perform(get(API + "/sites/{id}", id).with(FRONT_DESK))
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.version").value(3));
		send(put(API + "/sites/{id}", id), ADMIN, """
				{"name":"%s","timeZone":"","version":3}""".formatted(name)).andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.timeZoneSource").value("clinic-settings"))
			.andExpect(jsonPath("$.version").value(4));

		mvc.perform(get(API + "/sites/{id}/revisions", id).with(ADMIN))
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[*].version", contains(1, 2, 3, 4)))
			.andExpect(jsonPath("$[0].snapshot.timeZone").value(nullValue()))
			.andExpect(jsonPath("$[1].snapshot.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$[2].snapshot.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$[3].snapshot.timeZone").value(nullValue()));
	}

	@Test
	void givenASiteInNewYorkThenItIsOpenPlannedAndShownOnItsOwnClockAndItsAppointmentsEventsCarryItsZone()
			throws Exception {
		var site = siteIn(NEW_YORK);
		var monday = aWeekOfItsOwn();
		var tuesday = monday.plusDays(1);
		var course = clearedPatientsCourse("Eleanor Roosevelt");

		// the earliest slot on Monday is at 08:00 in New York (14:00 in Zurich), not at 08:00 in Zurich
		mvc.perform(get(API + "/slots").with(FRONT_DESK)
			.param("siteId", site.siteId().toString())
			.param("patientId", course.patientId().toString())
			.param("from", site.at(monday, 0, 0).toString())
			.param("until", site.at(tuesday, 0, 0).toString())
			.param("limit", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].start").value(site.at(monday, 8, 0).toString()));

		// 07:00 in New York is 13:00 in Zurich: open there, closed here
		book(course.id(), site.chairId(), site.at(monday, 7, 0)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")))
			.andExpect(jsonPath("$.detail", containsString("(America/New_York)")));
		// 16:00–17:50 in New York ends at 23:50 in Zurich: inside New York's hours
		var start = site.at(monday, 16, 0);
		var appointment = UUID.fromString(body(book(course.id(), site.chairId(), start)
			.andExpect(status().isCreated())).get("id").asString());

		var booked = theOnlyEvent(BOOKED, course.patientId());
		assertThat(booked.get("appointmentId").asString()).isEqualTo(appointment.toString());
		assertThat(booked.get("siteId").asString()).isEqualTo(site.siteId().toString());
		assertThat(booked.get("siteName").asString()).isEqualTo(site.name());
		assertThat(booked.get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(booked.get("courseInfusions").asInt()).isEqualTo(6);

		// Monday in New York holds the appointment that is already Tuesday in Zurich, and the nurse from 08:00 there
		mvc.perform(get(API + "/calendar").with(Tokens.as("nina", "nurse"))
			.param("siteId", site.siteId().toString())
			.param("from", monday.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.openingHours").value("Mon, Tue, Wed, Thu, Fri 08:00–18:00 (America/New_York)"))
			.andExpect(jsonPath("$.chairs[0].appointments", hasSize(1)))
			.andExpect(jsonPath("$.chairs[0].appointments[0].start").value(start.toString()))
			.andExpect(jsonPath("$.nurses[0].shifts[0].start").value(site.at(monday, 8, 0).toString()));

		// a whole course is planned on New York's weekdays and hours
		var planned = clearedPatientsCourse("Frances Perkins");
		send(post(API + "/courses/{courseId}/proposal", planned.id()), FRONT_DESK, """
				{"siteId":"%s","from":"%s"}""".formatted(site.siteId(), site.at(tuesday, 0, 0)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.occurrences[0].start").value(site.at(tuesday, 8, 0).toString()))
			.andExpect(jsonPath("$.occurrences[1].start").value(site.at(monday.plusDays(3), 8, 0).toString()));

		// a patient waiting for Monday slots ending by 18:00 in New York is offered the slot freed by a move
		var waiting = clearedPatientsCourse("Waiting in New York");
		send(post(API + "/waitlist"), FRONT_DESK, """
				{"courseId":"%s","siteId":"%s","days":["MONDAY"],"latestEnd":"18:00"}""".formatted(waiting.id(),
				site.siteId())).andExpect(status().isCreated());
		var moved = site.at(tuesday, 8, 0);
		send(post(API + "/appointments/{appointmentId}/reschedule", appointment), FRONT_DESK, """
				{"chairId":"%s","start":"%s"}""".formatted(site.chairId(), moved)).andExpect(status().isCreated());
		var rescheduled = theOnlyEvent(RESCHEDULED, course.patientId());
		assertThat(rescheduled.get("siteId").asString()).isEqualTo(site.siteId().toString());
		assertThat(rescheduled.get("siteName").asString()).isEqualTo(site.name());
		assertThat(rescheduled.get("timeZone").asString()).isEqualTo("America/New_York");
		mvc.perform(get(API + "/waitlist/slots/{appointmentId}/offers", appointment).with(FRONT_DESK))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].start").value(start.toString()));

		// with an appointment ahead, the site's clock is not changed under it
		var version = body(mvc.perform(get(API + "/sites/{id}", site.siteId()).with(ADMIN))).get("version").asLong();
		send(put(API + "/sites/{id}", site.siteId()), ADMIN, """
				{"name":"%s","timeZone":"Europe/Zurich","version":%d}""".formatted(site.name(), version))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("1 appointment from now on")));
		mvc.perform(get(API + "/sites/{id}", site.siteId()).with(ADMIN))
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.version").value(version));
	}

	ResultActions book(UUID course, UUID chair, java.time.Instant start) throws Exception {
		return send(post(API + "/courses/{courseId}/appointments", course), FRONT_DESK, """
				{"chairId":"%s","start":"%s"}""".formatted(chair, start));
	}
}
