package clinic.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic resources admin API on real PostgreSQL: administrators change sites, rooms, chairs, hours, closures,
 * nurse rotas and consultation slots; every change checks the version read and is kept in the revision history.
 * Every test works in a site (and with nurse and clinician names) of its own, so the seeded clinic stays as it is.
 */
class ResourceAdminApiTest extends SchedulingIntegrationTest {

	static final String API = "/api/scheduling";

	static final RequestPostProcessor ADMIN = Tokens.as("ann", "admin");

	static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	static final RequestPostProcessor NURSE = Tokens.as("nina", "nurse");

	@Autowired
	JsonMapper json;

	ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor user, String body)
			throws Exception {
		return mvc.perform(request.with(user).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	UUID newSite() throws Exception {
		return UUID.fromString(body(send(post(API + "/sites"), ADMIN, """
				{"name":"%s"}""".formatted(unique("Site")))).get("id").asString());
	}

	UUID newRoom(UUID site, String name) throws Exception {
		return UUID.fromString(body(send(post(API + "/sites/{s}/rooms", site), ADMIN, """
				{"name":"%s"}""".formatted(name)).andExpect(status().isCreated())).get("id").asString());
	}

	long revisions(String resource, UUID id) {
		return jdbc.sql("select count(*) from resource_revision where resource = :r and resource_id = :id")
			.param("r", resource)
			.param("id", id)
			.query(Long.class)
			.single();
	}

	// ---- sites

	@Test
	void givenAnAdminWhenASiteIsCreatedAndRenamedThenItReadsBackAndEachVersionIsKeptWithWho() throws Exception {
		var name = unique("Lakeside");
		var site = body(send(post(API + "/sites"), ADMIN, """
				{"name":"%s"}""".formatted(name)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.version").value(1)));
		var id = site.get("id").asString();

		send(put(API + "/sites/{id}", id), Tokens.as("adam", "admin"), """
				{"name":"%s renamed","version":1}""".formatted(name)).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));

		mvc.perform(get(API + "/sites/{id}", id).with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name + " renamed"))
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(get(API + "/sites").with(NURSE))
			.andExpect(jsonPath("$[*].name", hasItem(name + " renamed")))
			.andExpect(jsonPath("$[*].name", hasItem("Main clinic")));
		mvc.perform(get(API + "/sites/{id}/revisions", id).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].version", contains(1, 2)))
			.andExpect(jsonPath("$[*].change", contains("created", "updated")))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "adam")))
			.andExpect(jsonPath("$[0].snapshot.name").value(name))
			.andExpect(jsonPath("$[1].snapshot.name").value(name + " renamed"))
			.andExpect(jsonPath("$[1].changedAt").exists());
	}

	@Test
	void givenAStaleVersionWhenASiteIsRenamedThen409AndNothingChanges() throws Exception {
		var site = newSite();
		var name = body(mvc.perform(get(API + "/sites/{id}", site).with(ADMIN))).get("name").asString();
		send(put(API + "/sites/{id}", site), ADMIN, """
				{"name":"First rename %s","version":1}""".formatted(site)).andExpect(status().isOk());

		send(put(API + "/sites/{id}", site), ADMIN, """
				{"name":"Second rename","version":1}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is at version 2, not 1")))
			.andExpect(jsonPath("$.reason").value("STALE_VERSION"))
			.andExpect(jsonPath("$.currentVersion").value(2));

		mvc.perform(get(API + "/sites/{id}", site).with(ADMIN))
			.andExpect(jsonPath("$.name").value("First rename " + site))
			.andExpect(jsonPath("$.version").value(2));
		assertThat(revisions("site", site)).isEqualTo(2);
		assertThat(name).isNotEqualTo("First rename " + site);
	}

	@Test
	void givenBadOrDuplicateSiteInputOrAFrontDeskUserThen400409Or403AndNothingIsWritten() throws Exception {
		var taken = unique("Taken");
		send(post(API + "/sites"), ADMIN, """
				{"name":"%s"}""".formatted(taken)).andExpect(status().isCreated());
		long sites = jdbc.sql("select count(*) from site").query(Long.class).single();

		send(post(API + "/sites"), ADMIN, """
				{"name":"  %s "}""".formatted(taken)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already a site named '" + taken + "'")));
		send(post(API + "/sites"), ADMIN, """
				{"name":"   "}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")));
		send(post(API + "/sites"), FRONT_DESK, """
				{"name":"%s"}""".formatted(unique("Desk"))).andExpect(status().isForbidden());
		send(put(API + "/sites/{id}", SITE), FRONT_DESK, """
				{"name":"Desk clinic","version":1}""").andExpect(status().isForbidden());
		send(put(API + "/sites/{id}", UUID.randomUUID()), ADMIN, """
				{"name":"Nowhere","version":1}""").andExpect(status().isNotFound());
		send(put(API + "/sites/{id}", SITE), ADMIN, """
				{"name":"Main clinic"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("version")));

		assertThat(jdbc.sql("select count(*) from site").query(Long.class).single()).isEqualTo(sites);
		mvc.perform(get(API + "/sites/{id}", SITE).with(ADMIN)).andExpect(jsonPath("$.name").value("Main clinic"));
	}

	// ---- rooms

	@Test
	void givenASiteWhenRoomsAreCreatedAndRenamedThenTheyAreListedVersionedAndUniquePerSite() throws Exception {
		var site = newSite();
		var other = newSite();
		var room = newRoom(site, "Recovery");
		newRoom(other, "Recovery");

		send(post(API + "/sites/{s}/rooms", site), ADMIN, """
				{"name":"Recovery"}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already has a room named 'Recovery'")));
		send(put(API + "/rooms/{r}", room), ADMIN, """
				{"name":"Recovery east","version":1}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		send(put(API + "/rooms/{r}", room), ADMIN, """
				{"name":"Recovery west","version":1}""").andExpect(status().isConflict());
		send(put(API + "/rooms/{r}", room), FRONT_DESK, """
				{"name":"Recovery west","version":2}""").andExpect(status().isForbidden());
		send(post(API + "/sites/{s}/rooms", site), ADMIN, """
				{"name":""}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")));
		send(post(API + "/sites/{s}/rooms", UUID.randomUUID()), ADMIN, """
				{"name":"Lost"}""").andExpect(status().isNotFound());

		mvc.perform(get(API + "/sites/{s}/rooms", site).with(NURSE))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("Recovery east"))
			.andExpect(jsonPath("$[0].siteId").value(site.toString()))
			.andExpect(jsonPath("$[0].version").value(2));
		mvc.perform(get(API + "/rooms/{r}/revisions", room).with(ADMIN))
			.andExpect(jsonPath("$[*].snapshot.name", contains("Recovery", "Recovery east")))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann")));
	}

	// ---- chairs

	@Test
	void givenARoomWhenAChairIsCreatedChangedMovedDeactivatedAndReactivatedThenEveryVersionIsKept() throws Exception {
		var site = newSite();
		var infusion = newRoom(site, "Infusion");
		var quiet = newRoom(site, "Quiet room");

		var chair = body(send(post(API + "/rooms/{r}/chairs", infusion), ADMIN, """
				{"name":"Chair A","attributes":[" Recliner","monitor","recliner"]}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.attributes", contains("monitor", "recliner")))
			.andExpect(jsonPath("$.room").value("Infusion"))
			.andExpect(jsonPath("$.siteId").value(site.toString()))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.version").value(1)));
		var id = chair.get("id").asString();

		send(put(API + "/chairs/{c}", id), ADMIN, """
				{"name":"Chair A1","attributes":["recliner","oxygen"],"roomId":"%s","version":1}""".formatted(quiet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Chair A1"))
			.andExpect(jsonPath("$.room").value("Quiet room"))
			.andExpect(jsonPath("$.attributes", contains("oxygen", "recliner")))
			.andExpect(jsonPath("$.version").value(2));
		send(post(API + "/chairs/{c}/deactivation", id), ADMIN, """
				{"version":2}""").andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));

		mvc.perform(get(API + "/chairs").param("siteId", site.toString()).with(FRONT_DESK))
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(API + "/chairs").param("siteId", site.toString()).param("includeInactive", "true")
			.with(FRONT_DESK))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].active").value(false))
			.andExpect(jsonPath("$[0].roomId").value(quiet.toString()));
		send(post(API + "/courses/{c}/appointments", clearedPatientsCourse("Ada Lovelace").id()), FRONT_DESK, """
				{"chairId":"%s","start":"%s"}""".formatted(id, at(aWeekOfItsOwn(), 9, 0)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("chairId")))
			.andExpect(jsonPath("$.detail", containsString("out of service")));

		send(post(API + "/chairs/{c}/reactivation", id), ADMIN, """
				{"version":3}""").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(4));
		mvc.perform(get(API + "/chairs").param("roomId", quiet.toString()).with(NURSE))
			.andExpect(jsonPath("$[*].id", contains(id)))
			.andExpect(jsonPath("$[0].site").exists());
		mvc.perform(get(API + "/chairs/{c}/revisions", id).with(ADMIN))
			.andExpect(jsonPath("$[*].version", contains(1, 2, 3, 4)))
			.andExpect(jsonPath("$[*].change", contains("created", "updated", "updated", "updated")))
			.andExpect(jsonPath("$[*].snapshot.active", contains(true, true, false, true)))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann", "ann", "ann")))
			.andExpect(jsonPath("$[1].snapshot.roomName").value("Quiet room"));
	}

	@Test
	void givenAChairWhenChangedWithAStaleVersionBadInputByTheFrontDeskOrToADuplicateNameThenNothingChanges()
			throws Exception {
		var site = newSite();
		var room = newRoom(site, "Infusion");
		var elsewhere = newRoom(newSite(), "Infusion");
		send(post(API + "/rooms/{r}/chairs", room), ADMIN, """
				{"name":"Chair 1"}""").andExpect(status().isCreated());
		var id = body(send(post(API + "/rooms/{r}/chairs", room), ADMIN, """
				{"name":"Chair 2","attributes":["monitor"]}""")).get("id").asString();

		send(put(API + "/chairs/{c}", id), ADMIN, """
				{"name":"Chair 3","roomId":"%s","version":7}""".formatted(room)).andExpect(status().isConflict());
		send(put(API + "/chairs/{c}", id), ADMIN, """
				{"name":"Chair 1","roomId":"%s","version":1}""".formatted(room)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already has a chair named 'Chair 1'")));
		send(post(API + "/rooms/{r}/chairs", room), ADMIN, """
				{"name":"chair 2 ","attributes":[]}""").andExpect(status().isCreated());
		send(post(API + "/rooms/{r}/chairs", room), ADMIN, """
				{"name":"Chair 2"}""").andExpect(status().isConflict());
		send(put(API + "/chairs/{c}", id), ADMIN, """
				{"name":"Chair 3","roomId":"%s","version":1}""".formatted(elsewhere)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("roomId")));
		send(put(API + "/chairs/{c}", id), ADMIN, """
				{"name":"Chair 3","attributes":["recliner",""],"roomId":"%s","version":1}""".formatted(room))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("attributes[1]")));
		send(put(API + "/chairs/{c}", id), ADMIN, """
				{"name":" ","roomId":"%s","version":1}""".formatted(room)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")));
		send(put(API + "/chairs/{c}", id), FRONT_DESK, """
				{"name":"Chair 3","roomId":"%s","version":1}""".formatted(room)).andExpect(status().isForbidden());
		send(post(API + "/chairs/{c}/deactivation", id), NURSE, """
				{"version":1}""").andExpect(status().isForbidden());
		send(post(API + "/chairs/{c}/reactivation", id), ADMIN, """
				{"version":1}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already in service")));
		send(post(API + "/rooms/{r}/chairs", UUID.randomUUID()), ADMIN, """
				{"name":"Chair 9"}""").andExpect(status().isNotFound());
		mvc.perform(get(API + "/chairs/{c}", UUID.randomUUID()).with(ADMIN)).andExpect(status().isNotFound());

		mvc.perform(get(API + "/chairs/{c}", id).with(ADMIN))
			.andExpect(jsonPath("$.name").value("Chair 2"))
			.andExpect(jsonPath("$.attributes", contains("monitor")))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.version").value(1));
		assertThat(revisions("chair", UUID.fromString(id))).isEqualTo(1);
	}

	@Test
	void givenTheSeededChairsThenTheyAreInTheSeededRoomWithTheirAttributesAndNoRevisionsYet() throws Exception {
		mvc.perform(get(API + "/chairs").param("siteId", SITE.toString()).with(NURSE))
			.andExpect(jsonPath("$", hasSize(4)))
			.andExpect(jsonPath("$[0].room").value("Infusion room"))
			.andExpect(jsonPath("$[0].attributes", contains("recliner", "monitor")))
			.andExpect(jsonPath("$[0].active").value(true));
		mvc.perform(get(API + "/chairs/{c}/revisions", CHAIR_1).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(API + "/chairs/{c}/revisions", UUID.randomUUID()).with(ADMIN))
			.andExpect(status().isNotFound());
	}

	// ---- opening hours and closures

	@Test
	void givenASiteWithoutHoursThenTheClinicSettingsApplyUntilTheAdminReplacesTheWeek() throws Exception {
		var site = newSite();
		mvc.perform(get(API + "/sites/{s}/hours", site).with(FRONT_DESK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("clinic-settings"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
			.andExpect(jsonPath("$.days[*].dayOfWeek", contains(1, 2, 3, 4, 5)))
			.andExpect(jsonPath("$.version").value(0));

		send(put(API + "/sites/{s}/hours", site), ADMIN, """
				{"version":0,"days":[{"dayOfWeek":6,"opens":"09:00","closes":"13:00"},
				                     {"dayOfWeek":1,"opens":"07:30","closes":"19:00"}]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("site"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(get(API + "/sites/{s}/hours", site).with(NURSE))
			.andExpect(jsonPath("$.source").value("site"))
			.andExpect(jsonPath("$.days[*].dayOfWeek", contains(1, 6)))
			.andExpect(jsonPath("$.days[0].opens", containsString("07:30")))
			.andExpect(jsonPath("$.days[1].closes", containsString("13:00")));

		send(put(API + "/sites/{s}/hours", site), ADMIN, """
				{"version":0,"days":[]}""").andExpect(status().isConflict());
		send(put(API + "/sites/{s}/hours", site), FRONT_DESK, """
				{"version":1,"days":[]}""").andExpect(status().isForbidden());
		send(put(API + "/sites/{s}/hours", site), ADMIN, """
				{"version":1,"days":[{"dayOfWeek":2,"opens":"18:00","closes":"08:00"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("days[0].closes")));
		send(put(API + "/sites/{s}/hours", site), ADMIN, """
				{"version":1,"days":[{"dayOfWeek":8,"opens":"08:00","closes":"18:00"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("days[0].dayOfWeek")));
		send(put(API + "/sites/{s}/hours", site), ADMIN, """
				{"version":1,"days":[{"dayOfWeek":2,"opens":"08:00","closes":"12:00"},
				                     {"dayOfWeek":2,"opens":"13:00","closes":"18:00"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("days[1].dayOfWeek")));
		mvc.perform(get(API + "/sites/{s}/hours", site).with(NURSE))
			.andExpect(jsonPath("$.days[*].dayOfWeek", contains(1, 6)))
			.andExpect(jsonPath("$.version").value(1));

		send(put(API + "/sites/{s}/hours", site), ADMIN, """
				{"version":1,"days":[]}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("clinic-settings"))
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(get(API + "/sites/{s}/hours/revisions", site).with(ADMIN))
			.andExpect(jsonPath("$[*].version", contains(1, 2)))
			.andExpect(jsonPath("$[*].snapshot.source", contains("SITE", "CLINIC_SETTINGS")))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann")));
		mvc.perform(get(API + "/sites/{s}/hours", UUID.randomUUID()).with(ADMIN)).andExpect(status().isNotFound());
	}

	@Test
	void givenASiteWhenClosureDaysAreAddedAndRemovedThenTheyAreListedUniqueVersionedAndKeptInHistory()
			throws Exception {
		var site = newSite();
		var day = LocalDate.of(2027, 12, 25);
		var closure = body(send(post(API + "/sites/{s}/closures", site), ADMIN, """
				{"date":"%s","reason":"Christmas"}""".formatted(day)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))).get("id").asString();

		send(post(API + "/sites/{s}/closures", site), ADMIN, """
				{"date":"%s","reason":"Again"}""".formatted(day)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already closed on 2027-12-25")));
		send(post(API + "/sites/{s}/closures", site), ADMIN, """
				{"date":"2027-12-26","reason":" "}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		send(post(API + "/sites/{s}/closures", site), FRONT_DESK, """
				{"date":"2027-12-26","reason":"Boxing day"}""").andExpect(status().isForbidden());
		mvc.perform(get(API + "/sites/{s}/closures", site).param("from", "2027-12-01")
			.param("to", "2027-12-31")
			.with(FRONT_DESK))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].date").value("2027-12-25"))
			.andExpect(jsonPath("$[0].reason").value("Christmas"));
		mvc.perform(get(API + "/sites/{s}/closures", site).param("from", "2027-12-31")
			.param("to", "2027-12-01")
			.with(FRONT_DESK)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("to")));

		mvc.perform(delete(API + "/closures/{c}", closure).param("version", "2").with(ADMIN))
			.andExpect(status().isConflict());
		mvc.perform(delete(API + "/closures/{c}", closure).param("version", "1").with(FRONT_DESK))
			.andExpect(status().isForbidden());
		assertThat(revisions("closure", UUID.fromString(closure))).isEqualTo(1);
		mvc.perform(delete(API + "/closures/{c}", closure).param("version", "1").with(ADMIN))
			.andExpect(status().isNoContent());
		mvc.perform(delete(API + "/closures/{c}", closure).param("version", "1").with(ADMIN))
			.andExpect(status().isNotFound());

		mvc.perform(get(API + "/sites/{s}/closures", site).param("from", "2027-12-01")
			.param("to", "2027-12-31")
			.with(FRONT_DESK)).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(API + "/closures/{c}/revisions", closure).with(ADMIN))
			.andExpect(jsonPath("$[*].change", contains("created", "removed")))
			.andExpect(jsonPath("$[*].version", contains(1, 2)))
			.andExpect(jsonPath("$[1].snapshot.reason").value("Christmas"))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann")));
	}

	// ---- nurses

	@Test
	void givenARotaEntryWhenTheAdminEndsItThenItIsValidUntilThatDayAndBothVersionsAreKept() throws Exception {
		var site = newSite();
		var nurse = unique("Nurse");
		var entry = body(send(post(API + "/sites/{s}/nurse-rota", site), ADMIN, """
				{"nurse":"%s","dayOfWeek":3,"starts":"08:00","ends":"16:30","chairsWatched":3,"validFrom":"2027-01-01"}"""
			.formatted(nurse)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.chairsWatched").value(3))
			.andExpect(jsonPath("$.validUntil").doesNotExist())).get("id").asString();

		send(put(API + "/nurse-rota/{e}/valid-until", entry), ADMIN, """
				{"validUntil":"2027-06-30","version":1}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.validUntil").value("2027-06-30"))
			.andExpect(jsonPath("$.version").value(2));
		send(put(API + "/nurse-rota/{e}/valid-until", entry), ADMIN, """
				{"validUntil":"2027-03-31","version":1}""").andExpect(status().isConflict());
		send(put(API + "/nurse-rota/{e}/valid-until", entry), FRONT_DESK, """
				{"validUntil":"2027-03-31","version":2}""").andExpect(status().isForbidden());
		send(put(API + "/nurse-rota/{e}/valid-until", entry), ADMIN, """
				{"validUntil":"2026-12-31","version":2}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("validUntil")));

		mvc.perform(get(API + "/sites/{s}/nurse-rota", site).param("validOn", "2027-06-30").with(NURSE))
			.andExpect(jsonPath("$[*].nurse", contains(nurse)))
			.andExpect(jsonPath("$[0].validUntil").value("2027-06-30"));
		mvc.perform(get(API + "/sites/{s}/nurse-rota", site).param("validOn", "2027-07-01").with(NURSE))
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(API + "/nurse-rota/{e}/revisions", entry).with(ADMIN))
			.andExpect(jsonPath("$[*].version", contains(1, 2)))
			.andExpect(jsonPath("$[*].snapshot.validUntil", contains(null, "2027-06-30")))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann")));
	}

	@Test
	void givenBadRotaInputThen400NamingTheFieldAndNoEntry() throws Exception {
		var site = newSite();
		var nurse = unique("Nurse");
		var entry = """
				{"nurse":"%s","dayOfWeek":%d,"starts":"%s","ends":"%s","chairsWatched":%d,"validFrom":"2027-01-01"%s}""";
		send(post(API + "/sites/{s}/nurse-rota", site), ADMIN, entry.formatted(nurse, 0, "08:00", "16:00", 2, ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("dayOfWeek")));
		send(post(API + "/sites/{s}/nurse-rota", site), ADMIN, entry.formatted(nurse, 1, "16:00", "08:00", 2, ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("ends")));
		send(post(API + "/sites/{s}/nurse-rota", site), ADMIN, entry.formatted(nurse, 1, "08:00", "16:00", -1, ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("chairsWatched")));
		send(post(API + "/sites/{s}/nurse-rota", site), ADMIN,
				entry.formatted(nurse, 1, "08:00", "16:00", 2, ",\"validUntil\":\"2026-01-01\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("validUntil")));
		send(post(API + "/sites/{s}/nurse-rota", site), ADMIN, entry.formatted(" ", 1, "08:00", "16:00", 2, ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("nurse")));
		send(post(API + "/sites/{s}/nurse-rota", site), ADMIN, entry.formatted(nurse, 1, "8 o'clock", "16:00", 2, ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("starts")));
		send(post(API + "/sites/{s}/nurse-rota", site), FRONT_DESK,
				entry.formatted(nurse, 1, "08:00", "16:00", 2, "")).andExpect(status().isForbidden());
		send(post(API + "/sites/{s}/nurse-rota", UUID.randomUUID()), ADMIN,
				entry.formatted(nurse, 1, "08:00", "16:00", 2, "")).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select count(*) from nurse_rota where nurse = :n").param("n", nurse).query(Long.class).single())
			.isZero();
	}

	@Test
	void givenANurseOnTheRotaWhenGivenOverlappingTimeAnywhereThen409NamingTheEntryAndAfterItEndsTheNewEntryIsTaken()
			throws Exception {
		var site = newSite();
		var other = newSite();
		var nurse = unique("Nurse");
		var entry = """
				{"nurse":"%s","dayOfWeek":2,"starts":"%s","ends":"%s","chairsWatched":2,"validFrom":"%s"}""";
		var first = body(send(post(API + "/sites/{s}/nurse-rota", site), ADMIN,
				entry.formatted(nurse, "08:00", "14:00", "2027-01-01")).andExpect(status().isCreated()))
			.get("id")
			.asString();

		send(post(API + "/sites/{s}/nurse-rota", other), ADMIN, entry.formatted(nurse, "13:00", "18:00", "2027-05-01"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already on the rota")))
			.andExpect(jsonPath("$.detail", containsString("Tuesdays 08:00–14:00")))
			.andExpect(jsonPath("$.detail", containsString(first)));
		send(post(API + "/sites/{s}/nurse-rota", other), ADMIN, entry.formatted(nurse, "14:00", "18:00", "2027-05-01"))
			.andExpect(status().isCreated());
		send(put(API + "/nurse-rota/{e}/valid-until", first), ADMIN, """
				{"validUntil":"2027-04-30","version":1}""").andExpect(status().isOk());
		send(post(API + "/sites/{s}/nurse-rota", other), ADMIN, entry.formatted(nurse, "09:00", "14:00", "2027-05-01"))
			.andExpect(status().isCreated());

		mvc.perform(get(API + "/sites/{s}/nurse-rota", other).param("nurse", nurse).with(NURSE))
			.andExpect(jsonPath("$[*].starts", contains(containsString("09:00"), containsString("14:00"))));
	}

	@Test
	void givenANurseWithAnExtraShiftWhenAnOverlappingOneIsAddedThen409() throws Exception {
		var nurse = unique("Nurse");
		var monday = aWeekOfItsOwn();
		send(post(API + "/sites/{s}/nurse-shifts", newSite()), ADMIN, """
				{"nurse":"%s","start":"%s","end":"%s","chairsWatched":2}""".formatted(nurse, at(monday, 8, 0),
				at(monday, 12, 0))).andExpect(status().isCreated());

		send(post(API + "/sites/{s}/nurse-shifts", newSite()), ADMIN, """
				{"nurse":"%s","start":"%s","end":"%s","chairsWatched":2}""".formatted(nurse, at(monday, 11, 0),
				at(monday, 15, 0))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("08:00–12:00")));
		assertThat(jdbc.sql("select count(*) from nurse_shift where nurse = :n").param("n", nurse).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void givenAnExtraShiftWhenAddedAndRemovedThenItIsListedByDaysAndItsHistoryKept() throws Exception {
		var site = newSite();
		var nurse = unique("Nurse");
		var monday = aWeekOfItsOwn();
		var start = at(monday, 12, 0);
		var end = at(monday, 20, 0);
		var shift = body(send(post(API + "/sites/{s}/nurse-shifts", site), ADMIN, """
				{"nurse":"%s","start":"%s","end":"%s","chairsWatched":2}""".formatted(nurse, start, end))
			.andExpect(status().isCreated())).get("id").asString();

		mvc.perform(get(API + "/sites/{s}/nurse-shifts", site).param("from", monday.toString())
			.param("to", monday.toString())
			.with(NURSE))
			.andExpect(jsonPath("$[*].id", contains(shift)))
			.andExpect(jsonPath("$[0].start").value(start.toString()))
			.andExpect(jsonPath("$[0].nurse").value(nurse));
		mvc.perform(get(API + "/sites/{s}/nurse-shifts", site).param("from", monday.plusDays(1).toString())
			.param("to", monday.plusDays(2).toString())
			.with(NURSE)).andExpect(jsonPath("$", hasSize(0)));

		send(post(API + "/sites/{s}/nurse-shifts", site), ADMIN, """
				{"nurse":"%s","start":"%s","end":"%s","chairsWatched":2}""".formatted(nurse, end, start))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("end")));
		send(post(API + "/sites/{s}/nurse-shifts", site), ADMIN, """
				{"nurse":"%s","start":"%s","end":"%s","chairsWatched":-2}""".formatted(nurse, start, end))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("chairsWatched")));
		send(post(API + "/sites/{s}/nurse-shifts", site), FRONT_DESK, """
				{"nurse":"%s","start":"%s","end":"%s","chairsWatched":2}""".formatted(nurse, start, end))
			.andExpect(status().isForbidden());
		mvc.perform(delete(API + "/nurse-shifts/{s}", shift).param("version", "0").with(ADMIN))
			.andExpect(status().isConflict());
		mvc.perform(delete(API + "/nurse-shifts/{s}", shift).param("version", "1").with(NURSE))
			.andExpect(status().isForbidden());
		mvc.perform(delete(API + "/nurse-shifts/{s}", shift).param("version", "1").with(ADMIN))
			.andExpect(status().isNoContent());

		mvc.perform(get(API + "/sites/{s}/nurse-shifts", site).param("from", monday.toString())
			.param("to", monday.toString())
			.with(NURSE)).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(API + "/nurse-shifts/{s}/revisions", shift).with(ADMIN))
			.andExpect(jsonPath("$[*].change", contains("created", "removed")))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann")));
	}

	@Test
	void givenANurseAbsenceThenItIsUniquePerDayListedRemovableWithTheVersionAndKeptInHistory() throws Exception {
		var nurse = unique("Nurse");
		var absence = body(send(post(API + "/nurse-absences"), ADMIN, """
				{"nurse":"%s","date":"2027-03-03","reason":"Training"}""".formatted(nurse))
			.andExpect(status().isCreated())).get("id").asString();

		send(post(API + "/nurse-absences"), ADMIN, """
				{"nurse":"%s","date":"2027-03-03","reason":"Ill"}""".formatted(nurse))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already away on 2027-03-03")));
		send(post(API + "/nurse-absences"), ADMIN, """
				{"nurse":"%s","date":"2027-03-04"}""".formatted(nurse)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		send(post(API + "/nurse-absences"), NURSE, """
				{"nurse":"%s","date":"2027-03-04","reason":"Ill"}""".formatted(nurse))
			.andExpect(status().isForbidden());
		mvc.perform(get(API + "/nurse-absences").param("nurse", nurse)
			.param("from", "2027-03-01")
			.param("to", "2027-03-31")
			.with(ADMIN))
			.andExpect(jsonPath("$[*].id", contains(absence)))
			.andExpect(jsonPath("$[0].reason").value("Training"));

		mvc.perform(delete(API + "/nurse-absences/{a}", absence).param("version", "5").with(ADMIN))
			.andExpect(status().isConflict());
		mvc.perform(delete(API + "/nurse-absences/{a}", absence).param("version", "1").with(ADMIN))
			.andExpect(status().isNoContent());
		mvc.perform(get(API + "/nurse-absences").param("nurse", nurse)
			.param("from", "2027-03-01")
			.param("to", "2027-03-31")
			.with(ADMIN)).andExpect(jsonPath("$", hasSize(0)));
		// a nurse's absences and their reasons are the administrator's (docs/access-policy.md)
		mvc.perform(get(API + "/nurse-absences").param("nurse", nurse).with(FRONT_DESK))
			.andExpect(status().isForbidden());
		mvc.perform(get(API + "/nurse-absences/{a}/revisions", absence).with(ADMIN))
			.andExpect(jsonPath("$[*].version", contains(1, 2)))
			.andExpect(jsonPath("$[*].change", contains("created", "removed")));
	}

	// ---- consultation slots

	@Test
	void givenAClinicianWithASlotWhenAnOverlappingOneIsOpenedThen409NamingItAndOnlyTheFirstStays() throws Exception {
		var site = newSite();
		var room = newRoom(site, "Consulting room");
		var clinician = unique("Dr");
		var monday = aWeekOfItsOwn();
		var slot = body(send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","roomId":"%s","start":"%s","end":"%s"}"""
			.formatted(clinician, room, at(monday, 9, 0), at(monday, 10, 0))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.roomId").value(room.toString()))).get("id").asString();

		send(post(API + "/sites/{s}/consultation-slots", newSite()), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, at(monday, 9, 30), at(monday, 10, 30)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString(clinician + " already has a consultation slot")))
			.andExpect(jsonPath("$.detail", containsString("09:00–10:00")))
			.andExpect(jsonPath("$.detail", containsString(slot)));
		send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, at(monday, 10, 0), at(monday, 11, 0)))
			.andExpect(status().isCreated());
		send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(unique("Dr"), at(monday, 9, 0), at(monday, 10, 0)))
			.andExpect(status().isCreated());

		// the clinician reads their own slots (another clinician may not: see the next test)
		mvc.perform(get(API + "/consultation-slots").param("clinician", clinician)
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(Tokens.as(clinician, "clinician")))
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].id").value(slot))
			.andExpect(jsonPath("$[1].start").value(at(monday, 10, 0).toString()));
		mvc.perform(get(API + "/consultation-slots").param("siteId", site.toString())
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(FRONT_DESK)).andExpect(jsonPath("$", hasSize(3)));
	}

	@Test
	void givenTwoCliniciansSlotsThenAClinicianListsOnlyTheirOwnWhileTheFrontDeskAndAdminListAnyones()
			throws Exception {
		var site = newSite();
		var own = unique("Dr");
		var other = unique("Dr");
		var monday = aWeekOfItsOwn();
		var ownSlot = body(send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(own, at(monday, 9, 0), at(monday, 10, 0)))
			.andExpect(status().isCreated())).get("id").asString();
		var otherSlot = body(send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(other, at(monday, 9, 0), at(monday, 10, 0)))
			.andExpect(status().isCreated())).get("id").asString();
		var asOwn = Tokens.as(own, "clinician");

		// without a filter, or naming themselves: their own slots only
		mvc.perform(get(API + "/consultation-slots").param("siteId", site.toString())
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(asOwn)).andExpect(status().isOk()).andExpect(jsonPath("$[*].id", contains(ownSlot)));
		mvc.perform(get(API + "/consultation-slots").param("clinician", own)
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(asOwn)).andExpect(status().isOk()).andExpect(jsonPath("$[*].id", contains(ownSlot)));
		// another clinician's: refused
		mvc.perform(get(API + "/consultation-slots").param("clinician", other)
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(asOwn)).andExpect(status().isForbidden());
		// the front desk books and the administrator maintains anyone's
		for (var user : List.of(FRONT_DESK, ADMIN)) {
			mvc.perform(get(API + "/consultation-slots").param("clinician", other)
				.param("from", monday.toString())
				.param("to", monday.toString())
				.with(user)).andExpect(status().isOk()).andExpect(jsonPath("$[*].id", contains(otherSlot)));
			mvc.perform(get(API + "/consultation-slots").param("siteId", site.toString())
				.param("from", monday.toString())
				.param("to", monday.toString())
				.with(user)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)));
		}
	}

	@Test
	void givenConsultationSlotsWhenRemovedStaleByTheFrontDeskOrWithBadInputThenTheRulesHold() throws Exception {
		var site = newSite();
		var foreignRoom = newRoom(newSite(), "Consulting room");
		var clinician = unique("Dr");
		var monday = aWeekOfItsOwn();
		var slot = body(send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, at(monday, 14, 0), at(monday, 15, 0)))
			.andExpect(status().isCreated())).get("id").asString();

		send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, at(monday, 16, 0), at(monday, 15, 0)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("end")));
		send(post(API + "/sites/{s}/consultation-slots", site), ADMIN, """
				{"clinician":"%s","roomId":"%s","start":"%s","end":"%s"}"""
			.formatted(clinician, foreignRoom, at(monday, 16, 0), at(monday, 17, 0)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("roomId")));
		send(post(API + "/sites/{s}/consultation-slots", site), FRONT_DESK, """
				{"clinician":"%s","start":"%s","end":"%s"}""".formatted(clinician, at(monday, 16, 0), at(monday, 17, 0)))
			.andExpect(status().isForbidden());
		mvc.perform(delete(API + "/consultation-slots/{s}", slot).param("version", "2").with(ADMIN))
			.andExpect(status().isConflict());
		mvc.perform(delete(API + "/consultation-slots/{s}", slot).param("version", "1").with(FRONT_DESK))
			.andExpect(status().isForbidden());
		mvc.perform(get(API + "/consultation-slots").param("clinician", clinician)
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(FRONT_DESK)).andExpect(jsonPath("$[*].id", contains(slot)));

		mvc.perform(delete(API + "/consultation-slots/{s}", slot).param("version", "1").with(ADMIN))
			.andExpect(status().isNoContent());
		mvc.perform(get(API + "/consultation-slots").param("clinician", clinician)
			.param("from", monday.toString())
			.param("to", monday.toString())
			.with(FRONT_DESK)).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(API + "/consultation-slots/{s}/revisions", slot).with(ADMIN))
			.andExpect(jsonPath("$[*].change", contains("created", "removed")))
			.andExpect(jsonPath("$[*].changedBy", contains("ann", "ann")))
			.andExpect(jsonPath("$[0].snapshot.clinician").value(clinician));
	}

	// ---- the history itself

	@Test
	void givenTheRevisionHistoryThenTheDatabaseRefusesToChangeOrRemoveIt() throws Exception {
		var site = newSite();
		assertThat(revisions("site", site)).isEqualTo(1);

		assertThatThrownBy(() -> jdbc.sql("update resource_revision set changed_by = 'mallory' where resource_id = :id")
			.param("id", site)
			.update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from resource_revision where resource_id = :id").param("id", site).update())
			.rootCause().hasMessageContaining("permission denied");

		mvc.perform(get(API + "/sites/{s}/revisions", site).with(ADMIN))
			.andExpect(jsonPath("$[*].changedBy", contains("ann")))
			.andExpect(jsonPath("$[*].changedBy", not(hasItem("mallory"))));
	}

	@Test
	void givenTheApiDocsThenTheAdminEndpointsAreDescribed() throws Exception {
		mvc.perform(get("/api/scheduling/openapi"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/scheduling/sites/{siteId}'].put.summary", containsString("Admin")))
			.andExpect(jsonPath("$.paths['/api/scheduling/rooms/{roomId}/chairs'].post").exists())
			.andExpect(jsonPath("$.paths['/api/scheduling/sites/{siteId}/hours'].put").exists())
			.andExpect(jsonPath("$.paths['/api/scheduling/consultation-slots/{slotId}'].delete").exists());
	}
}
