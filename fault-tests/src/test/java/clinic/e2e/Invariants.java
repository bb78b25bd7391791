package clinic.e2e;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import clinic.contracts.KafkaTopics;
import clinic.launcher.Part;
import clinic.launcher.Stack;

/**
 * What must hold across the services after a fault run, read from each service's own database and from the broker
 * (the truth, not what an API chooses to show): every effect a path was told was done exists exactly once in every
 * service that should have it; no event was lost, applied twice or parked; every outbox is drained; no chair, patient
 * or nurse capacity is double booked; each course's state in session agrees with scheduling's; intake holds one
 * screening and one CLEARED decision per patient. Each broken rule is one line in the list returned; an empty list is
 * a clean run. Consumers may lag behind the broker, so the checks are polled ({@link #awaitHolding}).
 */
final class Invariants {

	static final List<String> DEAD_LETTER_TOPICS = List.of(KafkaTopics.INTAKE_DLT, KafkaTopics.SCHEDULING_DLT,
			KafkaTopics.SESSION_DLT);

	private final Stack stack;

	Invariants(Stack stack) {
		this.stack = stack;
	}

	/**
	 * How long until every outbox has sent what it holds (a figure for the report: "drained" means the broker has
	 * the events, not that the consumers have applied them; {@link #awaitHolding} waits for that); empty when that
	 * did not happen within {@code patience}.
	 */
	Optional<Duration> awaitOutboxesDrained(Duration patience) {
		var started = System.nanoTime();
		try {
			await().alias("every service's outbox drained")
				.atMost(patience)
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> outboxBacklog().values().stream().allMatch(n -> n == 0));
		}
		catch (ConditionTimeoutException e) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(System.nanoTime() - started));
	}

	/** Publications not yet acknowledged by the broker, per service database. */
	Map<String, Long> outboxBacklog() throws SQLException {
		var backlog = new java.util.LinkedHashMap<String, Long>();
		for (var service : List.of(Part.INTAKE, Part.SCHEDULING, Part.SESSION)) {
			try (var db = connect(service.database())) {
				backlog.put(service.id(), count(db, "select count(*) from event_publication where completion_date is null"));
			}
		}
		return backlog;
	}

	/** What came of waiting for the checks across the services: how long it took, and what did not hold at the end. */
	record Held(Duration took, List<String> violations) {

		boolean holds() {
			return violations.isEmpty();
		}
	}

	/**
	 * Looks at the state across the services ({@link #acrossServices}) until it all holds or {@code patience} runs
	 * out: the broker having an event does not mean a consumer has applied it (a course's state in session, a booked
	 * appointment there may lag), so a look that finds something wrong is taken again; what the last look found is the
	 * answer. A look that cannot be taken (a database or the broker not answering) counts as a violation too.
	 */
	Held awaitHolding(List<PatientPathUnderFaults.Walked> paths, String siteId, int nurseCapacity, Duration patience) {
		var started = System.nanoTime();
		var last = new AtomicReference<List<String>>(List.of("the services were never looked at"));
		try {
			await().alias("every check across the services holds")
				.atMost(patience)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> {
					try {
						last.set(acrossServices(paths, siteId, nurseCapacity));
					}
					catch (Exception e) {
						last.set(List.of("the services could not be looked at: " + e));
					}
					return last.get().isEmpty();
				});
		}
		catch (ConditionTimeoutException e) {
			// the last look's violations are the answer
		}
		return new Held(Duration.ofNanos(System.nanoTime() - started), last.get());
	}

	/** Paths that did not finish: each is a violation (a member of staff gave up on a task the suite should do). */
	static List<String> unfinished(List<PatientPathUnderFaults.Walked> paths) {
		var violations = new ArrayList<String>();
		for (var path : paths) {
			if (!path.finished()) {
				violations.add("path " + path.number() + " (" + path.familyName() + ") did not finish: " + path.failure());
			}
		}
		return violations;
	}

	/**
	 * One look at the state across the services, read from their databases and the broker: each path's effects
	 * exactly once where they belong, no overlaps, every outbox drained, every dead-letter topic empty.
	 */
	List<String> acrossServices(List<PatientPathUnderFaults.Walked> paths, String siteId, int nurseCapacity)
			throws Exception {
		var violations = new ArrayList<String>();
		try (var intake = connect("intake"); var scheduling = connect("scheduling"); var session = connect("session")) {
			for (var path : paths) {
				checkPath(path, intake, scheduling, session, violations);
			}
			overlaps(scheduling, siteId, nurseCapacity, violations);
		}
		outboxes(violations);
		deadLetters(violations);
		return violations;
	}

	private void checkPath(PatientPathUnderFaults.Walked path, Connection intake, Connection scheduling,
			Connection session, List<String> violations) throws SQLException {
		var who = "path " + path.number() + " (" + path.familyName() + ")";
		var registered = count(intake, "select count(*) from patient where family_name = ?", path.familyName());
		if (path.patientId() != null && registered != 1) {
			violations.add(who + ": intake holds " + registered + " patients of that name, not 1");
		}
		if (path.patientId() == null) {
			return;
		}
		var patient = UUID.fromString(path.patientId());
		// screenings and decisions have no idempotency key: a POST sent again after its answer was lost would double
		// them (the path looks for the first before sending again). A planned course means the decision was signed.
		var screenings = count(intake, "select count(*) from screening where patient_id = ?", patient);
		var decisions = count(intake, "select count(*) from eligibility_decision where patient_id = ?", patient);
		var cleared = count(intake,
				"select count(*) from eligibility_decision where patient_id = ? and outcome = 'CLEARED'", patient);
		if (path.courseId() != null || path.finished()) {
			if (screenings != 1) {
				violations.add(who + ": intake holds " + screenings + " screenings of the patient, not 1");
			}
			if (decisions != 1 || cleared != 1) {
				violations.add(who + ": intake holds " + decisions + " eligibility decisions of the patient (" + cleared
						+ " CLEARED), not 1 CLEARED");
			}
		}
		else {
			if (screenings > 1) {
				violations.add(who + ": intake holds " + screenings + " screenings of the patient, at most 1");
			}
			if (decisions > 1 || decisions != cleared) {
				violations.add(who + ": intake holds " + decisions + " eligibility decisions of the patient (" + cleared
						+ " CLEARED), at most 1 CLEARED");
			}
		}
		if (path.courseId() != null) {
			var courses = count(scheduling, "select count(*) from course where patient_id = ?", patient);
			if (courses != 1) {
				violations.add(who + ": scheduling planned " + courses + " courses for one CLEARED decision");
			}
			var schedulingStatus = string(scheduling, "select status from course where id = ?", UUID.fromString(path.courseId()));
			var sessionStatus = string(session, "select status from course_state where course_id = ?",
					UUID.fromString(path.courseId()));
			if (!path.appointmentIds().isEmpty() && !String.valueOf(schedulingStatus).equals(sessionStatus)) {
				violations.add(who + ": course " + path.courseId() + " is " + schedulingStatus + " in scheduling but "
						+ sessionStatus + " in session");
			}
		}
		if (!path.appointmentIds().isEmpty()) {
			var booked = ids(scheduling, "select id from appointment where course_id = ? and status <> 'cancelled'",
					UUID.fromString(path.courseId()));
			if (!booked.equals(Set.copyOf(path.appointmentIds()))) {
				violations.add(who + ": scheduling holds appointments " + booked + ", the front desk was told "
						+ path.appointmentIds());
			}
			var known = ids(session, "select appointment_id from booked_appointment where patient_id = ?", patient);
			if (!known.equals(Set.copyOf(path.appointmentIds()))) {
				violations.add(who + ": session knows appointments " + known + ", scheduling booked "
						+ path.appointmentIds());
			}
		}
	}

	/**
	 * The chair and patient overlaps repeat what scheduling's exclusion constraints already refuse: belt and braces,
	 * kept on purpose (a dropped or changed constraint shows here). Nurse capacity has no constraint of its own.
	 */
	private static void overlaps(Connection scheduling, String siteId, int nurseCapacity, List<String> violations)
			throws SQLException {
		var chair = count(scheduling, """
				select count(*) from appointment a join appointment b on a.chair_id = b.chair_id and a.id < b.id
				 and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
				where a.status <> 'cancelled' and b.status <> 'cancelled'""");
		if (chair > 0) {
			violations.add(chair + " pairs of appointments share a chair at the same time");
		}
		var patient = count(scheduling, """
				select count(*) from appointment a join appointment b on a.patient_id = b.patient_id and a.id < b.id
				 and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
				where a.status <> 'cancelled' and b.status <> 'cancelled'""");
		if (patient > 0) {
			violations.add(patient + " pairs of appointments put one patient in two chairs at once");
		}
		var busiest = count(scheduling, """
				select coalesce(max(n), 0) from (
				  select a.id, count(*) as n from appointment a
				  join appointment b on tstzrange(b.start_at, b.end_at) @> a.start_at
				  join chair ca on ca.id = a.chair_id join chair cb on cb.id = b.chair_id
				  join room ra on ra.id = ca.room_id join room rb on rb.id = cb.room_id
				  where ra.site_id = ? and rb.site_id = ra.site_id and a.status <> 'cancelled' and b.status <> 'cancelled'
				  group by a.id) busy""", UUID.fromString(siteId));
		if (busiest > nurseCapacity) {
			violations.add("the fault ward has " + busiest + " infusions at once; its nurses watch " + nurseCapacity);
		}
	}

	private void outboxes(List<String> violations) throws SQLException {
		outboxBacklog().forEach((service, n) -> {
			if (n > 0) {
				violations.add(service + "'s outbox still holds " + n + " unsent events");
			}
		});
	}

	/** A valid event must never be parked: every dead-letter topic stays empty. */
	private void deadLetters(List<String> violations) throws Exception {
		try (var admin = Admin.create(stack.kafkaAdminProperties())) {
			var partitions = admin.describeTopics(DEAD_LETTER_TOPICS)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
				.collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
			var ends = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
			var starts = admin.listOffsets(partitions.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
				.all()
				.get(30, TimeUnit.SECONDS);
			for (var partition : partitions.keySet()) {
				var parked = ends.get(partition).offset() - starts.get(partition).offset();
				if (parked > 0) {
					violations.add(partition.topic() + " holds " + parked + " dead-lettered events");
				}
			}
		}
	}

	/** The superuser of the launcher's PostgreSQL ({@link Stack#jdbcUrl}): reads every service's tables. */
	private Connection connect(String database) throws SQLException {
		var props = new Properties();
		props.setProperty("user", "postgres");
		props.setProperty("password", "postgres");
		props.setProperty("connectTimeout", "5");
		props.setProperty("socketTimeout", "30");
		return DriverManager.getConnection(stack.jdbcUrl(database), props);
	}

	private static long count(Connection db, String sql, Object... params) throws SQLException {
		try (var statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static String string(Connection db, String sql, Object param) throws SQLException {
		try (var statement = db.prepareStatement(sql)) {
			statement.setObject(1, param);
			try (var rs = statement.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static Set<String> ids(Connection db, String sql, Object param) throws SQLException {
		try (var statement = db.prepareStatement(sql)) {
			statement.setObject(1, param);
			var ids = new HashSet<String>();
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
			return ids;
		}
	}
}
