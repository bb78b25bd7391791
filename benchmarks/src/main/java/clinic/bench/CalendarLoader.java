package clinic.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import clinic.launcher.Stack;

/**
 * Fills a site's calendar straight in scheduling's database, as many appointments as a busy site holds in its
 * planning window: booking them through the API (each a screened, cleared patient with a course) would take most of an
 * hour. The rows are the ones a booking writes (an active course and its booked infusion, each for a patient of its
 * own so no patient sits in two chairs at once), at the length the service gave the chain's booked infusions, on a
 * grid of whole chair times from the site's opening (07:00) each day of the window, starting tomorrow. The cells are
 * drawn from the seed; at most nine in ten are taken, so slots and courses still fit somewhere. Like any write of
 * appointments, the rows make PostgreSQL notify scheduling's instances, which read the site's calendar again; the
 * database's exclusion constraints still refuse any overlap.
 */
final class CalendarLoader {

	/** The planning window the calendar is filled over (DOMAIN.md's 90-day horizon). */
	static final int DAYS = 90;

	private static final LocalTime OPENS = LocalTime.of(7, 0);

	private static final LocalTime CLOSES = LocalTime.of(21, 0);

	private static final int BATCH = 1_000;

	private CalendarLoader() {
	}

	/** A cell of the grid: a chair from a time. */
	private record Cell(UUID chair, Instant start) {
	}

	/**
	 * Loads up to {@code appointments} booked infusions into the site's calendar and returns how many it loaded (fewer
	 * when nine tenths of the grid hold fewer).
	 */
	static int load(Stack stack, String siteId, int appointments, long seed) {
		try (Connection db = DriverManager.getConnection(stack.jdbcUrl("scheduling"), "postgres", "postgres")) {
			var length = chairTime(db);
			var cells = grid(chairs(db, siteId), length);
			Collections.shuffle(cells, new Random(seed));
			int count = Math.min(appointments, cells.size() * 9 / 10);
			db.setAutoCommit(false);
			try (var course = db.prepareStatement("""
					insert into course (id, patient_id, patient_name, status, planned_infusions, completed_infusions,
					  version, created_at) values (?, ?, ?, 'ACTIVE', 6, 0, 1, now())""");
					var appointment = db.prepareStatement("""
							insert into appointment (id, course_id, patient_id, chair_id, kind, sequence, start_at, end_at,
							  status, booked_by, booked_at) values (?, ?, ?, ?, 'INFUSION', 1, ?, ?, 'booked', 'bench-loader', now())""")) {
				for (int i = 0; i < count; i++) {
					var cell = cells.get(i);
					var courseId = UUID.randomUUID();
					var patientId = UUID.randomUUID();
					course.setObject(1, courseId);
					course.setObject(2, patientId);
					course.setString(3, "Loaded patient " + (i + 1));
					course.addBatch();
					appointment.setObject(1, UUID.randomUUID());
					appointment.setObject(2, courseId);
					appointment.setObject(3, patientId);
					appointment.setObject(4, cell.chair());
					appointment.setTimestamp(5, Timestamp.from(cell.start()));
					appointment.setTimestamp(6, Timestamp.from(cell.start().plus(length)));
					appointment.addBatch();
					if ((i + 1) % BATCH == 0 || i + 1 == count) {
						course.executeBatch();
						appointment.executeBatch();
					}
				}
			}
			db.commit();
			return count;
		}
		catch (SQLException e) {
			throw new IllegalStateException("loading the calendar of site " + siteId, e);
		}
	}

	/** How long scheduling holds a chair for an infusion: as long as the chain's own booked infusions. */
	private static Duration chairTime(Connection db) throws SQLException {
		try (var rows = db.createStatement().executeQuery("""
				select extract(epoch from end_at - start_at)::bigint from appointment
				where kind = 'INFUSION' and booked_by <> 'bench-loader' limit 1""")) {
			if (!rows.next()) {
				throw new IllegalStateException("no infusion booked through the API to take the chair time from: "
						+ "the calendar is loaded after the first site's fill (--fill of 1 or more)");
			}
			return Duration.ofSeconds(rows.getLong(1));
		}
	}

	private static List<UUID> chairs(Connection db, String siteId) throws SQLException {
		try (var query = db.prepareStatement("select id from chair where site_id = ? and active order by name")) {
			query.setObject(1, UUID.fromString(siteId));
			try (var rows = query.executeQuery()) {
				var chairs = new ArrayList<UUID>();
				while (rows.next()) {
					chairs.add(rows.getObject(1, UUID.class));
				}
				return chairs;
			}
		}
	}

	/** Every whole chair time from opening to closing, on every chair, every day of the window from tomorrow. */
	private static List<Cell> grid(List<UUID> chairs, Duration length) {
		var cells = new ArrayList<Cell>();
		var first = LocalDate.now(ClinicChain.ZONE).plusDays(1);
		for (int day = 0; day < DAYS; day++) {
			var date = first.plusDays(day);
			var closes = date.atTime(CLOSES).atZone(ClinicChain.ZONE).toInstant();
			for (var start = date.atTime(OPENS).atZone(ClinicChain.ZONE).toInstant(); !start.plus(length)
				.isAfter(closes); start = start.plus(length)) {
				for (var chair : chairs) {
					cells.add(new Cell(chair, start));
				}
			}
		}
		return cells;
	}
}
