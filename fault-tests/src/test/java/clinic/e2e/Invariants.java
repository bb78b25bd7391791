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
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import clinic.launcher.Part;
import clinic.launcher.Stack;

/**
 * What must hold across the services after a fault run, read from each service's own database and from the broker
 * (the truth, not what an API chooses to show): every effect a path was told was done exists exactly once in every
 * service that should have it; no event was lost, applied twice or parked; every outbox is drained; no chair, patient
 * or nurse capacity is double booked; each course's state in session agrees with scheduling's. Each broken rule is one
 * line in the list returned; an empty list is a clean run.
 */
final class Invariants {

	static final List<String> DEAD_LETTER_TOPICS = List.of("intake-service.dlt", "scheduling-service.dlt",
			"session-service.dlt");

	private final Stack stack;

	Invariants(Stack stack) {
		this.stack = stack;
	}

	/** Waits until every outbox has sent what it holds (events still on their way are not yet violations). */
	Duration awaitOutboxesDrained(Duration patience) {
		var started = System.nanoTime();
		await().alias("every service's outbox drained")
			.atMost(patience)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> outboxBacklog().values().stream().allMatch(n -> n == 0));
		return Duration.ofNanos(System.nanoTime() - started);
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

	List<String> check(List<PatientPathUnderFaults.Walked> paths, String siteId, int nurseCapacity) throws Exception {
		var violations = new ArrayList<String>();
		for (var path : paths) {
			if (!path.finished()) {
				violations.add("path " + path.number() + " (" + path.familyName() + ") did not finish: " + path.failure());
			}
		}
		try (var intake = connect("intake"); var scheduling = connect("scheduling"); var session = connect("session")) {
			for (var path : paths) {
				checkPath(path, intake, scheduling, session, violations);
			}
			overlaps(scheduling, siteId, nurseCapacity, violations);
			outboxes(violations);
		}
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

	/** Belt and braces over the exclusion constraints; nurse capacity has no constraint of its own. */
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
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
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

	private Connection connect(String database) throws SQLException {
		var props = new Properties();
		props.setProperty("user", "postgres");
		props.setProperty("password", "postgres");
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
