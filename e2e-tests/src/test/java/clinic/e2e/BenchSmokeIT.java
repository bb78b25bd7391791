package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import clinic.bench.Bench;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark harness's smoke form ({@code ./clinic bench --smoke}: small data, one short iteration) on the suite of
 * the end-to-end run, so that the harness keeps working. It asserts what the harness does, never a timing: every
 * scenario gives a figure, the load reached the services and was answered, no two appointments overlap after the
 * concurrent booking runs, and the report has its charts.
 */
@ExtendWith(RunningSuite.class)
class BenchSmokeIT {

	@Test
	void theSmokeFormMeasuresEveryScenarioAndWritesTheReport() throws Exception {
		var out = Path.of("target/bench-smoke");
		var report = Bench.run(RunningSuite.stack(), List.of("--smoke"), out, System.out::println);

		assertThat(report).exists();
		var figures = StreamSupport.stream(ClinicUser.JSON.readTree(out.resolve("figures.json").toFile()).spliterator(), false)
			.collect(Collectors.toMap(f -> f.get("id").asString(), f -> f));
		assertThat(figures).containsKeys("read-p99-open", "read-p99-8-clients", "saturation", "session-writes",
				"search-p99", "decision-course-p50", "decision-course-p99", "slots-p99", "proposal-p99",
				"slots-full-p99", "proposal-full-p99", "booking-rate-one-site", "booking-rate-all-sites", "overlaps", "memory-rest", "memory-load", "today-p99",
				"audit-rows-site-day", "token-calls", "booking-cpu-per-course");
		for (var id : List.of("read-p99-open", "read-p99-8-clients", "saturation", "decision-course-p99", "slots-p99",
				"proposal-p99", "slots-full-p99", "proposal-full-p99", "search-p99")) {
			assertThat(value(figures, id)).as(id).isPositive();
			assertThat(figures.get(id).get("reference").asDouble()).as(id + "'s reference").isPositive();
		}
		assertThat(figures.get("slots-full-p99").get("label").asString()).as("the smoke form's calendar was loaded whole")
			.contains("200 appointments");
		assertThat(value(figures, "booking-rate-one-site")).as("courses were booked on one site").isPositive();
		assertThat(value(figures, "token-calls")).as("the gateway does not go to Keycloak for each call it proxies")
			.isLessThan(0.1);
		assertThat(figures.get("token-calls").get("label").asString()).as("Keycloak's events were read: the harness's own sign-ins among them")
			.contains(" over the ")
			.doesNotContain("besides 0 sign-ins");
		assertThat(value(figures, "booking-rate-all-sites")).as("courses were booked over the sites").isPositive();
		assertThat(value(figures, "overlaps")).as("no chair or patient double booked").isZero();
		assertThat(value(figures, "memory-rest")).as("every part's memory was read").isPositive();
		assertThat(value(figures, "today-p99")).as("the Today boards were answered").isPositive();
		assertThat(value(figures, "audit-rows-site-day")).as("each Today call is an audited read").isPositive();
		assertThat(figures.get("search-p99").get("label").asString()).as("searches with a typo find the patient")
			.doesNotContain("(0 of")
			.as("over the registered patients and the smoke form's 1 000 loaded into the register")
			.contains("search over 1060 patients");
		assertThat(value(figures, "booking-cpu-per-course")).as("every part's CPU time was read").isPositive();
		assertThat(figures.get("booking-cpu-per-course").get("label").asString()).contains("scheduling-service ")
			.contains("postgres ");

		var markdown = Files.readString(report);
		assertThat(markdown).as("pg_stat_statements told where the database's time went while booking")
			.contains("the statements that took longest: all statements: ");
		// every load phase was answered, with no refusal: the calls the harness makes are ones the suite allows
		var phases = markdown.lines().dropWhile(l -> !l.startsWith("## Load phases")).takeWhile(l -> !l.startsWith("!["))
			.filter(l -> l.startsWith("| ") && !l.startsWith("| phase")).toList();
		assertThat(phases).hasSizeGreaterThanOrEqualTo(12);
		assertThat(phases).allSatisfy(row -> assertThat(row.split("\\|")[3].trim()).as(row).isEqualTo("0"));
		assertThat(out.resolve("latency-1.png")).exists();
		assertThat(out.resolve("throughput-clients.png")).exists();
	}

	private static double value(Map<String, JsonNode> figures, String id) {
		return figures.get(id).get("value").asDouble();
	}
}
