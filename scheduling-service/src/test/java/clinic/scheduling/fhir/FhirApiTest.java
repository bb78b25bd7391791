package clinic.scheduling.fhir;

import static clinic.contracts.test.FhirValidation.validJson;
import static clinic.contracts.test.FhirValidation.validXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.contracts.test.FhirValidation;
import clinic.platform.test.Tokens;

/**
 * Scheduling's FHIR R4 interactions as another clinic system uses them (the integration client), each answer validated
 * against the base R4 definitions: sites and chairs as Locations, chairs' Schedules, a patient's consultation and
 * infusions as Appointments searched by patient, date and status with paging, and every error an OperationOutcome.
 */
class FhirApiTest extends FhirTest {

	@Test
	void givenAPatientsWeekWhenSearchedByPatientTwoAPageThenTheNextLinkGivesTheRestEarliestFirst() throws Exception {
		var week = aPatientsWeek();

		var first = ok(Bundle.class, get("/fhir/Appointment").param("patient", "Patient/" + week.patient())
			.param("_count", "2"));

		assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(first.getTotal()).isEqualTo(4);
		assertThat(first.getEntry()).hasSize(2);
		var next = URI.create(first.getLink(Bundle.LINK_NEXT).getUrl());
		assertThat(next.getPath()).isEqualTo("/fhir/Appointment");
		// as the client sends the link, not as a URI template (its %2F would be encoded again)
		var second = ok(Bundle.class, get(URI.create(next.getPath() + "?" + next.getRawQuery())));
		assertThat(second.getEntry()).hasSize(2);
		assertThat(second.getLink(Bundle.LINK_NEXT)).as("no page after the last").isNull();
		var ids = new ArrayList<String>();
		first.getEntry().forEach(entry -> ids.add(entry.getResource().getIdElement().getIdPart()));
		second.getEntry().forEach(entry -> ids.add(entry.getResource().getIdElement().getIdPart()));
		assertThat(ids).containsExactly(week.infusions().get(0).toString(), week.consultation().toString(),
				week.infusions().get(1).toString(), week.infusions().get(2).toString());
	}

	@Test
	void givenAnInfusionThenItsAppointmentNamesThePatientTheChairAndTheWholeChairTime() throws Exception {
		var week = aPatientsWeek();

		var infusion = ok(Appointment.class, get("/fhir/Appointment/{id}", week.infusions().get(1)));

		assertThat(infusion.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(infusion.getStart().toInstant()).isEqualTo(at(week.monday().plusDays(2), 9, 0));
		assertThat(infusion.getMinutesDuration()).as("infusion, recovery and turnover").isEqualTo(110);
		assertThat(infusion.getServiceTypeFirstRep().getText()).isEqualTo("Ketamine infusion");
		assertThat(infusion.getParticipant()).extracting(p -> p.getActor().getReference())
			.containsExactly("Patient/" + week.patient(), "Location/" + CHAIR_1);
		var consultation = ok(Appointment.class, get("/fhir/Appointment/{id}", week.consultation()));
		assertThat(consultation.getServiceTypeFirstRep().getText()).isEqualTo("Consultation");
		assertThat(consultation.getParticipant()).extracting(p -> p.getActor().getDisplay()).contains("Dr. Aiken");
		assertThat(consultation.getParticipant()).extracting(p -> p.getActor().getReference())
			.contains("Patient/" + week.patient(), "Location/" + SITE);
	}

	@Test
	void givenDatesWithPrefixesThenTheSearchFindsTheAppointmentsStartingInThatRange() throws Exception {
		var week = aPatientsWeek();
		var monday = week.monday();

		assertThat(found(week, "eq" + monday.plusDays(2))).containsExactly(week.infusions().get(1));
		assertThat(found(week, monday.plusDays(2).toString())).containsExactly(week.infusions().get(1));
		assertThat(found(week, "gt" + monday)).containsExactly(week.infusions().get(1), week.infusions().get(2));
		assertThat(found(week, "le" + monday)).containsExactly(week.infusions().get(0), week.consultation());
		assertThat(found(week, "lt" + monday.plusDays(2))).containsExactly(week.infusions().get(0),
				week.consultation());
		assertThat(found(week, "ge" + at(monday, 12, 0), "lt" + monday.plusDays(4)))
			.containsExactly(week.consultation(), week.infusions().get(1));
		assertThat(found(week, "gt" + monday.plusDays(4))).isEmpty();
	}

	private List<UUID> found(Week week, String... dates) throws Exception {
		var request = get("/fhir/Appointment").param("patient", week.patient().toString()).param("date", dates);
		return ok(Bundle.class, request).getEntry()
			.stream()
			.map(entry -> UUID.fromString(entry.getResource().getIdElement().getIdPart()))
			.toList();
	}

	@Test
	void givenACancelledInfusionThenTheStatusSearchTellsItApart() throws Exception {
		var week = aPatientsWeek();
		mvc.perform(post("/api/scheduling/appointments/{appointmentId}/cancellation", week.infusions().get(2))
			.with(Tokens.as("frank", "front-desk"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"The patient moves away\"}")).andExpect(status().isOk());

		var cancelled = ok(Bundle.class,
				get("/fhir/Appointment").param("patient", week.patient().toString()).param("status", "cancelled"));
		var booked = ok(Bundle.class,
				get("/fhir/Appointment").param("patient", week.patient().toString()).param("status", "booked,arrived"));
		var proposed = ok(Bundle.class,
				get("/fhir/Appointment").param("patient", week.patient().toString()).param("status", "proposed"));

		assertThat(cancelled.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(week.infusions().get(2).toString());
		assertThat(((Appointment) cancelled.getEntryFirstRep().getResource()).getStatus())
			.isEqualTo(Appointment.AppointmentStatus.CANCELLED);
		assertThat(booked.getTotal()).isEqualTo(3);
		assertThat(proposed.getTotal()).as("a status the clinic never uses").isZero();
	}

	@Test
	void givenAClientAskingForXmlThenTheAppointmentComesInXml() throws Exception {
		var week = aPatientsWeek();

		var answer = mvc.perform(get("/fhir/Appointment/{id}", week.infusions().get(0))
			.with(Tokens.as("ehr-link", "integration"))
			.accept("application/fhir+xml")).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith("application/fhir+xml");
		assertThat(answer.getContentAsString()).startsWith("<Appointment xmlns=\"http://hl7.org/fhir\">");
		assertThat(validXml(Appointment.class, answer.getContentAsString()).getIdElement().getIdPart())
			.isEqualTo(week.infusions().get(0).toString());
		var search = mvc.perform(get("/fhir/Location").param("_format", "xml").with(Tokens.as("ehr-link", "integration")))
			.andReturn()
			.getResponse();
		assertThat(validXml(Bundle.class, search.getContentAsString()).getTotal()).isPositive();
	}

	@Test
	void givenASiteWithAChairThenBothAreLocationsTheChairPartOfTheSiteWithASchedule() throws Exception {
		var site = siteIn(ZoneId.of("Europe/Lisbon"));

		var siteLocation = ok(Location.class, get("/fhir/Location/{id}", site.siteId()));
		var chair = ok(Location.class, get("/fhir/Location/{id}", site.chairId()));
		var byName = ok(Bundle.class, get("/fhir/Location").param("name", site.name().toLowerCase()));
		var ofSite = ok(Bundle.class, get("/fhir/Location").param("partof", "Location/" + site.siteId()));
		var schedule = ok(Schedule.class, get("/fhir/Schedule/{id}", site.chairId()));
		var byActor = ok(Bundle.class, get("/fhir/Schedule").param("actor", "Location/" + site.chairId()));

		assertThat(siteLocation.getName()).isEqualTo(site.name());
		assertThat(siteLocation.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("si");
		assertThat(chair.getName()).isEqualTo("Chair A");
		assertThat(chair.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);
		assertThat(chair.getPartOf().getReference()).isEqualTo("Location/" + site.siteId());
		assertThat(byName.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(site.siteId().toString());
		assertThat(ofSite.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(site.chairId().toString());
		assertThat(schedule.getActive()).isTrue();
		assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("Location/" + site.chairId());
		assertThat(byActor.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(site.chairId().toString());
	}

	@Test
	void givenAnInfusionInAChairThenTheSlotsItCoversAreBusyTheOthersFreeAndAReadSaysTheSame() throws Exception {
		var week = aPatientsWeek();
		var monday = week.monday();
		var infusion = new Instant[] { at(monday, 9, 0), at(monday, 9, 0).plusSeconds(110 * 60) };

		var day = ok(Bundle.class, get("/fhir/Slot").param("schedule", "Schedule/" + CHAIR_1)
			.param("start", "ge" + monday, "lt" + monday.plusDays(1))
			.param("_count", "100"));
		var slots = day.getEntry().stream().map(entry -> (Slot) entry.getResource()).toList();

		assertThat(slots).as("a day of the chair on the 15-minute grid").hasSizeGreaterThan(20);
		assertThat(day.getTotal()).isEqualTo(slots.size());
		assertThat(slots).allSatisfy(slot -> {
			assertThat(slot.getSchedule().getReference()).isEqualTo("Schedule/" + CHAIR_1);
			assertThat(slot.getEnd().toInstant()).isEqualTo(slot.getStart().toInstant().plusSeconds(110 * 60));
			var overlaps = slot.getStart().toInstant().isBefore(infusion[1])
					&& slot.getEnd().toInstant().isAfter(infusion[0]);
			assertThat(slot.getStatus()).as(slot.getStart() + " overlaps the infusion: " + overlaps)
				.isEqualTo(overlaps ? Slot.SlotStatus.BUSY : Slot.SlotStatus.FREE);
		});
		assertThat(slots).extracting(slot -> slot.getStart().toInstant()).isSorted().contains(infusion[0]);
		var free = ok(Bundle.class, get("/fhir/Slot").param("schedule", "Schedule/" + CHAIR_1)
			.param("start", "ge" + monday, "lt" + monday.plusDays(1))
			.param("status", "free")
			.param("_count", "100"));
		assertThat(free.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
			.containsExactlyElementsOf(slots.stream()
				.filter(slot -> slot.getStatus() == Slot.SlotStatus.FREE)
				.map(slot -> slot.getIdElement().getIdPart())
				.toList());
		var atNine = ok(Slot.class, get("/fhir/Slot/{id}", CHAIR_1 + "-" + infusion[0].getEpochSecond()));
		assertThat(atNine.getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
		var firstAfter = slots.stream().filter(slot -> !slot.getStart().toInstant().isBefore(infusion[1])).findFirst()
			.orElseThrow();
		var afterIt = ok(Slot.class, get("/fhir/Slot/{id}", firstAfter.getIdElement().getIdPart()));
		assertThat(afterIt.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
		assertThat(afterIt.getStart()).isEqualTo(firstAfter.getStart());
		var offGrid = call(get("/fhir/Slot/{id}", CHAIR_1 + "-" + (infusion[0].getEpochSecond() + 60)));
		assertThat(offGrid.getStatus()).as("not a start on the grid").isEqualTo(404);
		// a Monday morning long gone (a test's own week may lie years ahead, so not one before it)
		var past = call(get("/fhir/Slot/{id}", CHAIR_1 + "-" + at(LocalDate.of(2020, 1, 6), 9, 0).getEpochSecond()));
		assertThat(past.getStatus()).as(past.getContentAsString()).isEqualTo(404);
		assertThat(validJson(OperationOutcome.class, past.getContentAsString()).getIssueFirstRep().getDiagnostics())
			.contains("has passed");
	}

	@Test
	void givenAnUnknownIdThen404AsAnOperationOutcome() throws Exception {
		for (var type : new String[] { "Location", "Schedule", "Slot", "Appointment" }) {
			for (var id : new String[] { UUID.randomUUID().toString(), "not-an-id" }) {
				var answer = call(get("/fhir/" + type + "/" + id));
				assertThat(answer.getStatus()).as(type + "/" + id).isEqualTo(404);
				validJson(OperationOutcome.class, answer.getContentAsString());
			}
		}
		var scheduleOfASite = call(get("/fhir/Schedule/{id}", SITE));
		assertThat(scheduleOfASite.getStatus()).as("a site has no schedule, its chairs do").isEqualTo(404);
	}

	@Test
	void givenBadParametersThen400AsAnOperationOutcomeNever500() throws Exception {
		var bad = new MockHttpServletRequestBuilder[] { get("/fhir/Appointment").param("date", "yesterday"),
				get("/fhir/Appointment").param("date", "ne2026-01-05"),
				get("/fhir/Appointment").param("date", "sa2026-01-05"),
				get("/fhir/Appointment").param("status", "sleeping"),
				get("/fhir/Appointment").param("status", "http://example.org/status|booked"),
				get("/fhir/Appointment").param("patient.name", "Ada"),
				get("/fhir/Appointment").param("_count", "0"), get("/fhir/Appointment").param("_count", "many"),
				get("/fhir/Appointment").param("_offset", "-1"), get("/fhir/Appointment").param("colour", "blue"),
				get("/fhir/Location").param("name", "Nul\u0000l"), get("/fhir/Location").param("name", "x".repeat(101)),
				get("/fhir/Schedule").param("actor:Location.name", "x"),
				get("/fhir/Slot").param("start", "ge2030-01-01"),
				get("/fhir/Slot").param("schedule", "Schedule/" + CHAIR_1).param("status", "sleeping"),
				get("/fhir/Slot").param("schedule", "Schedule/" + CHAIR_1).param("start", "lt2020-01-01"),
				get("/fhir/Slot").param("schedule", "Schedule/" + CHAIR_1).param("start", "ge2030-01-01", "lt2031-01-01") };
		for (var request : bad) {
			var answer = call(request);
			assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
			validJson(OperationOutcome.class, answer.getContentAsString());
		}
	}

	@Test
	void givenAStaffRoleOrNoTokenThenTheRefusalIsAnOperationOutcome() throws Exception {
		var frontDesk = mvc.perform(get("/fhir/Appointment").with(Tokens.as("frank", "front-desk")).accept(JSON))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", containsString("insufficient_scope")))
			.andReturn()
			.getResponse();
		var anonymous = mvc.perform(get("/fhir/Location").accept(JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andReturn()
			.getResponse();
		var notServed = mvc.perform(get("/fhir/Practitioner").with(Tokens.as("ehr-link", "integration")).accept(JSON))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse();

		for (var answer : new MockHttpServletResponse[] { frontDesk, anonymous, notServed }) {
			assertThat(answer.getContentType()).startsWith(JSON);
			assertThat(validJson(OperationOutcome.class, answer.getContentAsString()).getIssueFirstRep().getSeverity())
				.isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		}
		var xml = mvc.perform(get("/fhir/Location").with(Tokens.as("nina", "nurse")).accept("application/fhir+xml"))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse();
		validXml(OperationOutcome.class, xml.getContentAsString());
	}

	@Test
	void givenTheCapabilityStatementThenItIsPublicAndListsExactlyWhatSchedulingSupports() throws Exception {
		var answer = mvc.perform(get("/fhir/metadata").accept(JSON)).andExpect(status().isOk()).andReturn()
			.getResponse();

		var statement = validJson(CapabilityStatement.class, answer.getContentAsString());
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(statement.getFormat()).extracting(code -> code.getValue()).contains("json", "xml")
			.doesNotContain("ttl");
		var server = statement.getRestFirstRep();
		assertThat(server.getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
			.containsExactlyInAnyOrder("Location", "Schedule", "Slot", "Appointment", "AuditEvent");
		for (var resource : server.getResource()) {
			assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode())
				.containsExactlyInAnyOrder("read", "search-type");
			assertThat(resource.getSearchInclude()).isEmpty();
			assertThat(resource.getSearchRevInclude()).isEmpty();
		}
		assertThat(params(server.getResource(), "Location")).containsExactlyInAnyOrder("name", "partof");
		assertThat(params(server.getResource(), "Schedule")).containsExactlyInAnyOrder("actor");
		assertThat(params(server.getResource(), "Slot")).containsExactlyInAnyOrder("schedule", "start", "status");
		assertThat(params(server.getResource(), "Appointment")).containsExactlyInAnyOrder("patient", "date", "status");
		assertThat(params(server.getResource(), "AuditEvent")).containsExactlyInAnyOrder("patient", "date", "agent-name");
	}

	private static List<String> params(List<CapabilityStatementRestResourceComponent> resources, String type) {
		return resources.stream()
			.filter(r -> r.getType().equals(type))
			.findFirst()
			.orElseThrow()
			.getSearchParam()
			.stream()
			.map(p -> p.getName())
			.toList();
	}
}
