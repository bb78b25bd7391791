package clinic.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What a chart entry accepts fits where it goes: an adverse event's description fits its event. */
class EntryLimitsTest {

	@Test
	void givenTheLongestDescriptionAnAdverseEventTakes_whenPublished_thenItsEventSchemaAllowsIt() throws IOException {
		try (var schema = getClass().getResourceAsStream(
				"/events/session/clinic.session.adverse-event-reported.v1.schema.json")) {
			assertThat(schema).as("the event's schema on the classpath (contracts)").isNotNull();
			var maxLength = JsonMapper.builder()
				.build()
				.readTree(schema)
				.path("properties")
				.path("description")
				.path("maxLength")
				.asInt();
			assertThat(EntryLimits.NOTE).isPositive().isLessThanOrEqualTo(maxLength);
		}
	}
}
