package clinic.scheduling.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService.Booking;
import clinic.scheduling.reports.IsoWeek;

/**
 * The utilisation report of a site's week on real PostgreSQL, every figure computed by hand: chair-hours open
 * (chairs in service × opening hours, closure days none), staffed, booked (cancellations not, no-shows included) and
 * no-shows, on the site's own clock, the weeks the clocks change included.
 */
class UtilisationReportApiTest extends SchedulingIntegrationTest {

	static final String REPORT = "/api/scheduling/reports/utilisation";

	static final RequestPostProcessor ADMIN = Tokens.as("ann", "admin");

	static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor user, String body)
			throws Exception {
		return mvc.perform(request.with(user).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	String created(MockHttpServletRequestBuilder request, String body) throws Exception {
		var response = send(request, ADMIN, body).andExpect(status().isCreated()).andReturn().getResponse();
		return json.readTree(response.getContentAsString()).get("id").asString();
	}

	UUID secondChair(OwnSite site) throws Exception {
		var room = json.readTree(mvc.perform(get("/api/scheduling/chairs/{c}", site.chairId()).with(ADMIN))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("roomId").asString();
		return UUID.fromString(created(post("/api/scheduling/rooms/{r}/chairs", room), """
				{"name":"Chair B"}"""));
	}

	UUID booked(UUID chair, Instant start) {
		return bookings.book(clearedPatientsCourse("Pat " + UUID.randomUUID()).id(), new Booking(chair, start)).id();
	}

	@Test
	void givenAWeekWithBookingsANoShowACancellationAClosureAndAnAbsenceThenEachFigureIsAsCountedByHand()
			throws Exception {
		// weekdays 08:00–18:00 (the clinic's hours), two chairs in service, a nurse watching two chairs on weekdays
		var site = siteIn(ZURICH);
		var chairB = secondChair(site);
		var monday = aWeekOfItsOwn();
		var tuesday = monday.plusDays(1);
		var thursday = monday.plusDays(3);
		created(post("/api/scheduling/sites/{s}/closures", site.siteId()), """
				{"date":"%s","reason":"Inspection"}""".formatted(monday.plusDays(2)));
		var nurse = json.readTree(mvc.perform(get("/api/scheduling/sites/{s}/nurse-rota", site.siteId()).with(ADMIN))
			.andReturn()
			.getResponse()
			.getContentAsString()).get(0).get("nurse").asString();
		created(post("/api/scheduling/nurse-absences"), """
				{"nurse":"%s","date":"%s","reason":"Training"}""".formatted(nurse, monday.plusDays(4)));

		booked(site.chairId(), site.at(tuesday, 9, 0));
		booked(chairB, site.at(tuesday, 9, 0));
		var noShow = booked(site.chairId(), site.at(thursday, 14, 0));
		var cancelled = booked(chairB, site.at(thursday, 9, 0));
		send(post("/api/scheduling/appointments/{a}/no-show", noShow), FRONT_DESK, "{}").andExpect(status().isOk());
		send(post("/api/scheduling/appointments/{a}/cancellation", cancelled), FRONT_DESK, """
				{"reason":"Patient unwell"}""").andExpect(status().isOk());

		mvc.perform(get(REPORT).with(ADMIN)
			.param("siteId", site.siteId().toString())
			.param("week", IsoWeek.of(monday).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.siteName").value(site.name()))
			.andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.week").value(IsoWeek.of(monday).toString()))
			.andExpect(jsonPath("$.from").value(monday.toString()))
			.andExpect(jsonPath("$.to").value(monday.plusDays(6).toString()))
			.andExpect(jsonPath("$.chairsInService").value(2))
			// Monday: open 2 chairs × 10 h, nothing booked
			.andExpect(jsonPath("$.days[0].date").value(monday.toString()))
			.andExpect(jsonPath("$.days[0].open").value(true))
			.andExpect(jsonPath("$.days[0].opens", startsWith("08:00")))
			.andExpect(jsonPath("$.days[0].closes", startsWith("18:00")))
			.andExpect(jsonPath("$.days[0].figures.openChairMinutes").value(1200))
			.andExpect(jsonPath("$.days[0].figures.openChairHours").value(20.0))
			.andExpect(jsonPath("$.days[0].figures.staffedChairMinutes").value(1200))
			.andExpect(jsonPath("$.days[0].figures.bookedChairMinutes").value(0))
			.andExpect(jsonPath("$.days[0].figures.utilisationPercent").value(0.0))
			// Tuesday: two infusions of 110 min: 220 / 1200 = 18.3 %
			.andExpect(jsonPath("$.days[1].figures.bookedChairMinutes").value(220))
			.andExpect(jsonPath("$.days[1].figures.bookedChairHours").value(3.67))
			.andExpect(jsonPath("$.days[1].figures.appointments").value(2))
			.andExpect(jsonPath("$.days[1].figures.utilisationPercent").value(18.3))
			// Wednesday: closed for the inspection
			.andExpect(jsonPath("$.days[2].open").value(false))
			.andExpect(jsonPath("$.days[2].closure").value("Inspection"))
			.andExpect(jsonPath("$.days[2].figures.openChairMinutes").value(0))
			.andExpect(jsonPath("$.days[2].figures.utilisationPercent").isEmpty())
			// Thursday: the no-show held its chair; the cancellation held nothing
			.andExpect(jsonPath("$.days[3].figures.bookedChairMinutes").value(110))
			.andExpect(jsonPath("$.days[3].figures.appointments").value(1))
			.andExpect(jsonPath("$.days[3].figures.noShows").value(1))
			.andExpect(jsonPath("$.days[3].figures.noShowChairMinutes").value(110))
			// Friday: open, but the only nurse is away: nothing staffed
			.andExpect(jsonPath("$.days[4].figures.openChairMinutes").value(1200))
			.andExpect(jsonPath("$.days[4].figures.staffedChairMinutes").value(0))
			// the weekend: no hours
			.andExpect(jsonPath("$.days[5].open").value(false))
			.andExpect(jsonPath("$.days[5].opens").isEmpty())
			.andExpect(jsonPath("$.days[6].figures.openChairMinutes").value(0))
			// the week: 4 open days × 1200; staffed 3 × 1200; 330 / 4800 = 6.875 %
			.andExpect(jsonPath("$.total.openChairMinutes").value(4800))
			.andExpect(jsonPath("$.total.openChairHours").value(80.0))
			.andExpect(jsonPath("$.total.staffedChairMinutes").value(3600))
			.andExpect(jsonPath("$.total.bookedChairMinutes").value(330))
			.andExpect(jsonPath("$.total.bookedChairHours").value(5.5))
			.andExpect(jsonPath("$.total.utilisationPercent").value(6.9))
			.andExpect(jsonPath("$.total.appointments").value(3))
			.andExpect(jsonPath("$.total.noShows").value(1))
			.andExpect(jsonPath("$.total.noShowChairHours").value(1.83));
	}

	/** The next change of the clocks in Zurich that is a gap (spring) or an overlap (autumn). */
	static ZoneOffsetTransition nextTransition(boolean gap) {
		var transition = ZURICH.getRules().nextTransition(Instant.now());
		while (transition.isGap() != gap) {
			transition = ZURICH.getRules().nextTransition(transition.getInstant());
		}
		return transition;
	}

	/**
	 * A site open only on Sundays 00:00–12:00 on its clock, with a nurse then: on the Sunday the clocks go forward it
	 * is open 11 hours, on the Sunday they go back 13, and a booking across the change holds its 110 minutes.
	 */
	void givenTheSundayTheClocksChange(boolean gap, long openMinutes) throws Exception {
		var site = siteIn(ZURICH);
		send(put("/api/scheduling/sites/{s}/hours", site.siteId()), ADMIN, """
				{"version":0,"days":[{"dayOfWeek":7,"opens":"00:00","closes":"12:00"}]}""").andExpect(status().isOk());
		created(post("/api/scheduling/sites/{s}/nurse-rota", site.siteId()), """
				{"nurse":"Night %s","dayOfWeek":7,"starts":"00:00","ends":"12:00","chairsWatched":1,
				 "validFrom":"2020-01-01"}""".formatted(UUID.randomUUID()));
		var sunday = LocalDate.ofInstant(nextTransition(gap).getInstant(), ZURICH);
		var week = IsoWeek.of(sunday);
		// 01:30 plus 110 minutes is 04:20 on the wall clock in spring and 02:20 in autumn
		booked(site.chairId(), site.at(sunday, 1, 30));

		mvc.perform(get(REPORT).with(ADMIN)
			.param("siteId", site.siteId().toString())
			.param("week", week.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days[6].date").value(sunday.toString()))
			.andExpect(jsonPath("$.days[6].figures.openChairMinutes").value(openMinutes))
			.andExpect(jsonPath("$.days[6].figures.staffedChairMinutes").value(openMinutes))
			.andExpect(jsonPath("$.days[6].figures.bookedChairMinutes").value(110))
			.andExpect(jsonPath("$.days[0].figures.openChairMinutes").value(0))
			.andExpect(jsonPath("$.total.openChairMinutes").value(openMinutes))
			.andExpect(jsonPath("$.total.bookedChairMinutes").value(110));
	}

	@Test
	void givenTheSundayTheClocksGoForwardThenTheSiteIsOpenElevenHours() throws Exception {
		// 110 / 660 = 16.7 %
		givenTheSundayTheClocksChange(true, 660);
	}

	@Test
	void givenTheSundayTheClocksGoBackThenTheSiteIsOpenThirteenHours() throws Exception {
		givenTheSundayTheClocksChange(false, 780);
	}

	@Test
	void givenNoWeekThenTheReportIsOfTheCurrentWeekOnTheSitesClock() throws Exception {
		var site = siteIn(ZoneId.of("Pacific/Auckland"));
		// Sunday 20:00 UTC is already Monday morning in Auckland: its new week has begun, Zurich's has not
		var sunday = aWeekOfItsOwn().minusDays(1);
		clock.set(sunday.atTime(20, 0).atZone(ZoneId.of("UTC")).toInstant());
		var monday = sunday.plusDays(1);
		mvc.perform(get(REPORT).with(ADMIN).param("siteId", site.siteId().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.week").value(IsoWeek.of(monday).toString()))
			.andExpect(jsonPath("$.from").value(monday.toString()))
			.andExpect(jsonPath("$.timeZone").value("Pacific/Auckland"));
		mvc.perform(get(REPORT).with(ADMIN).param("siteId", SITE.toString()))
			.andExpect(jsonPath("$.week").value(IsoWeek.of(sunday).toString()));
	}

	@Test
	void givenABadWeekOrSiteOrARoleOtherThanAdminThenTheReportIsRefused() throws Exception {
		for (var week : new String[] { "2026-W60", "next week", "2026-11-23" }) {
			mvc.perform(get(REPORT).with(ADMIN).param("siteId", SITE.toString()).param("week", week))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("week")));
		}
		mvc.perform(get(REPORT).with(ADMIN).param("siteId", "nowhere"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("siteId")));
		mvc.perform(get(REPORT).with(ADMIN).param("siteId", UUID.randomUUID().toString()))
			.andExpect(status().isNotFound());
		for (var role : new String[] { "front-desk", "nurse", "clinician" }) {
			mvc.perform(get(REPORT).with(Tokens.as("someone", role)).param("siteId", SITE.toString()))
				.andExpect(status().isForbidden());
		}
	}
}
