package clinic.scheduling.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import clinic.platform.test.Tokens;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.resources.ChairAttributes;

/**
 * A chair attribute an administrator may give a chair is one the front desk may name in every wish (slot finding, a
 * course proposal, a booster proposal, the waitlist), and finds that chair by; one no wish may name is refused for a
 * chair as well. Works at a site of its own.
 */
class ChairAttributeWishApiTest extends SchedulingIntegrationTest {

	private static final RequestPostProcessor ADMIN = Tokens.as("ann", "admin");

	private static final RequestPostProcessor FRONT_DESK = Tokens.as("frank", "front-desk");

	/** The longest attribute there may be, in the spelling an administrator typed. */
	private static final String LONGEST = ("Bariatric wide_seat-" + "X".repeat(ChairAttributes.MAX_LENGTH))
		.substring(0, ChairAttributes.MAX_LENGTH);

	/** As the chair keeps it. */
	private static final String KEPT = LONGEST.toLowerCase(Locale.ROOT);

	private ResultActions send(MockHttpServletRequestBuilder request, RequestPostProcessor user, String body)
			throws Exception {
		return mvc.perform(request.with(user).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions changeChair(OwnSite site, String attribute) throws Exception {
		var roomId = json.readTree(mvc.perform(get("/api/scheduling/chairs/{c}", site.chairId()).with(ADMIN))
			.andReturn()
			.getResponse()
			.getContentAsString());
		return send(put("/api/scheduling/chairs/{c}", site.chairId()), ADMIN, """
				{"name":"Chair A","attributes":["recliner","%s"],"roomId":"%s","version":%d}"""
			.formatted(attribute, roomId.get("roomId").asString(), roomId.get("version").asLong()));
	}

	private ResultActions slots(OwnSite site, UUID patientId, String attribute) throws Exception {
		return mvc.perform(get("/api/scheduling/slots").with(FRONT_DESK)
			.param("siteId", site.siteId().toString())
			.param("patientId", patientId.toString())
			.param("from", site.at(aWeekOfItsOwn(), 0, 0).toString())
			.param("chairAttributes", attribute)
			.param("limit", "3"));
	}

	private ResultActions courseProposal(OwnSite site, UUID courseId, String attribute) throws Exception {
		return send(post("/api/scheduling/courses/{c}/proposal", courseId), FRONT_DESK, """
				{"siteId":"%s","chairAttributes":["%s"]}""".formatted(site.siteId(), attribute));
	}

	private ResultActions boosterProposal(OwnSite site, UUID courseId, String attribute) throws Exception {
		return send(post("/api/scheduling/courses/{c}/booster-proposal", courseId), FRONT_DESK, """
				{"siteId":"%s","chairAttributes":["%s"]}""".formatted(site.siteId(), attribute));
	}

	private ResultActions waitlist(OwnSite site, UUID courseId, String attribute) throws Exception {
		return send(post("/api/scheduling/waitlist"), FRONT_DESK, """
				{"courseId":"%s","siteId":"%s","chairAttributes":["%s"]}""".formatted(courseId, site.siteId(),
				attribute));
	}

	@Test
	void givenAChairWithTheLongestAttributeThereMayBeThenEveryWishNamesItAndFindsTheChair() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		changeChair(site, LONGEST).andExpect(status().isOk())
			.andExpect(jsonPath("$.attributes", contains(KEPT, "recliner")));
		var course = clearedPatientsCourse("Wanda Wide " + UUID.randomUUID());

		for (var spelling : new String[] { KEPT, LONGEST }) {
			slots(site, course.patientId(), spelling).andExpect(status().isOk())
				.andExpect(jsonPath("$", not(empty())))
				.andExpect(jsonPath("$[*].chairId", everyItem(is(site.chairId().toString()))));
		}
		courseProposal(site, course.id(), LONGEST).andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrences[*].chairId", everyItem(is(site.chairId().toString()))));
		// the course is not completed: the wish passed the edge and the booster rules answer
		boosterProposal(site, course.id(), LONGEST).andExpect(status().isConflict());
		waitlist(site, course.id(), LONGEST).andExpect(status().isCreated())
			.andExpect(jsonPath("$.chairAttributes", contains(KEPT)));
	}

	@Test
	void givenAnAttributeNoWishMayNameThenAChairMayNotHaveItEither() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var course = clearedPatientsCourse("Walter Slash " + UUID.randomUUID());
		var room = json.readTree(mvc.perform(get("/api/scheduling/chairs/{c}", site.chairId()).with(ADMIN))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("roomId").asString();

		for (var refused : new String[] { "wheelchair/bariatric", "x".repeat(ChairAttributes.MAX_LENGTH + 1) }) {
			changeChair(site, refused).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("attributes[1]")));
			send(post("/api/scheduling/rooms/{r}/chairs", room), ADMIN, """
					{"name":"Chair B","attributes":["%s"]}""".formatted(refused)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("attributes[0]")));

			slots(site, course.patientId(), refused).andExpect(status().isBadRequest());
			courseProposal(site, course.id(), refused).andExpect(status().isBadRequest());
			boosterProposal(site, course.id(), refused).andExpect(status().isBadRequest());
			waitlist(site, course.id(), refused).andExpect(status().isBadRequest());
		}
		mvc.perform(get("/api/scheduling/chairs/{c}", site.chairId()).with(ADMIN))
			.andExpect(jsonPath("$.attributes", contains("monitor", "recliner")))
			.andExpect(jsonPath("$.version").value(1));
	}
}
