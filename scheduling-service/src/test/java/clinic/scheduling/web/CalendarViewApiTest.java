package clinic.scheduling.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;

import org.junit.jupiter.api.Test;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService.Booking;

/** The week view as data: chairs with their appointments, nurses with their shifts, and the load. */
class CalendarViewApiTest extends SchedulingIntegrationTest {

	@Test
	void givenNoDateThenTheViewIsTodayOnTheSitesClockNotTheCallersOrTheServers() throws Exception {
		// 23:30 on Monday in UTC is already Tuesday 00:30 in Zurich
		var tuesday = aWeekOfItsOwn().plusDays(1);
		clock.set(at(tuesday, 0, 30));
		var ada = clearedPatientsCourse("Ada Lovelace");
		bookings.book(ada.id(), new Booking(CHAIR_3, at(tuesday, 9, 0)));
		mvc.perform(get("/api/scheduling/calendar").with(Tokens.as("nina", "nurse")).param("siteId", SITE.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(tuesday.toString()))
			.andExpect(jsonPath("$.to").value(tuesday.toString()))
			.andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.chairs[2].appointments[0].patientName").value("Ada Lovelace"));
	}

	@Test
	void givenAWeekWithBookingsAnAbsenceAClosureAndAnExtraShiftThenTheViewShowsEachWhereItBelongs() throws Exception {
		var monday = aWeekOfItsOwn();
		var tuesday = monday.plusDays(1);
		var ada = clearedPatientsCourse("Ada Lovelace");
		var grace = clearedPatientsCourse("Grace Hopper");
		bookings.book(ada.id(), new Booking(CHAIR_1, at(tuesday, 9, 0)));
		bookings.book(grace.id(), new Booking(CHAIR_2, at(tuesday, 10, 0)));
		jdbc.sql("insert into nurse_absence (id, nurse, on_date, reason) values (gen_random_uuid(), 'Nurse B', :d, 'leave')")
			.param("d", monday.plusDays(2))
			.update();
		jdbc.sql("""
				insert into closure (id, site_id, on_date, reason)
				values (gen_random_uuid(), '517e0000-0000-4000-8000-000000000001', :d, 'Inspection')""")
			.param("d", monday.plusDays(3))
			.update();
		jdbc.sql("""
				insert into nurse_shift (id, site_id, nurse, start_at, end_at, chairs_watched)
				values (gen_random_uuid(), '517e0000-0000-4000-8000-000000000001', 'Nurse C', :s, :e, 1)""")
			.param("s", Timestamp.from(at(tuesday, 12, 0)))
			.param("e", Timestamp.from(at(tuesday, 16, 0)))
			.update();

		mvc.perform(get("/api/scheduling/calendar").with(Tokens.as("nina", "nurse"))
			.param("siteId", SITE.toString())
			.param("from", monday.toString())
			.param("to", monday.plusDays(6).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.siteName").value("Main clinic"))
			.andExpect(jsonPath("$.openingHours").value("Mon, Tue, Wed, Thu, Fri 08:00–18:00 (Europe/Zurich)"))
			.andExpect(jsonPath("$.closures", hasSize(1)))
			.andExpect(jsonPath("$.closures[0].date").value(monday.plusDays(3).toString()))
			.andExpect(jsonPath("$.closures[0].reason").value("Inspection"))
			.andExpect(jsonPath("$.chairs", hasSize(4)))
			.andExpect(jsonPath("$.chairs[0].name").value("Chair 1"))
			.andExpect(jsonPath("$.chairs[0].room").value("Infusion room"))
			.andExpect(jsonPath("$.chairs[0].attributes", contains("monitor", "recliner")))
			.andExpect(jsonPath("$.chairs[0].appointments", hasSize(1)))
			.andExpect(jsonPath("$.chairs[0].appointments[0].patientName").value("Ada Lovelace"))
			.andExpect(jsonPath("$.chairs[0].appointments[0].start").value(at(tuesday, 9, 0).toString()))
			.andExpect(jsonPath("$.chairs[0].appointments[0].status").value("booked"))
			.andExpect(jsonPath("$.chairs[1].appointments[0].patientName").value("Grace Hopper"))
			.andExpect(jsonPath("$.chairs[2].appointments", hasSize(0)))
			.andExpect(jsonPath("$.nurses[*].nurse", contains("Nurse A", "Nurse B", "Nurse C")))
			.andExpect(jsonPath("$.nurses[0].shifts", hasSize(5)))
			.andExpect(jsonPath("$.nurses[1].shifts", hasSize(4)))
			.andExpect(jsonPath("$.nurses[2].shifts[0].source").value("EXTRA"))
			.andExpect(jsonPath("$.nurses[2].shifts[0].chairsWatched").value(1))
			// Tuesday 10:00–10:50 both infusions run, with Nurse A and Nurse B on shift (2 + 2 chairs)
			.andExpect(jsonPath("$.load[?(@.start == '%s')].infusions".formatted(at(tuesday, 10, 0))).value(2))
			.andExpect(jsonPath("$.load[?(@.start == '%s')].capacity".formatted(at(tuesday, 10, 0))).value(4))
			.andExpect(jsonPath("$.load[?(@.start == '%s')].end".formatted(at(tuesday, 10, 0)))
				.value(at(tuesday, 10, 50).toString()))
			// Tuesday 12:00–16:00 Nurse C adds one chair
			.andExpect(jsonPath("$.load[?(@.start == '%s')].capacity".formatted(at(tuesday, 12, 0))).value(5));

		mvc.perform(get("/api/scheduling/calendar").with(Tokens.as("nina", "nurse"))
			.param("siteId", SITE.toString())
			.param("from", monday.toString())
			.param("to", monday.minusDays(1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/scheduling/calendar").with(Tokens.as("nina", "nurse"))
			.param("from", monday.toString())
			.param("siteId", java.util.UUID.randomUUID().toString())).andExpect(status().isNotFound());
	}
}
