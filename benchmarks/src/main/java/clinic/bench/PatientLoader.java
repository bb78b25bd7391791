package clinic.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import clinic.launcher.Stack;

/**
 * Fills intake's patient register straight in its database to the size of a chain's, so the patient search is measured
 * over as many patients as the issue asks (a million): registering them through the API, each checked for likely
 * duplicates, would take hours. The rows are those a registration writes (a referred patient, with a medical record
 * number from intake's own sequence, so later registrations go on after them), made inside PostgreSQL in batches;
 * names come from the chain's pools ({@link ClinicChain#GIVEN}, family names of two or three of its
 * {@link ClinicChain#SYLLABLES}), birth dates and phone numbers from a hash of the seed and the row, so the same seed
 * makes the same register and the chain's own patients have namesakes among them. They go to intake only: scheduling
 * and the other services never hear of them, as of any patient not yet referred on.
 */
final class PatientLoader {

	/** Rows a statement inserts: each batch commits, so a long load shows progress and holds no huge transaction. */
	private static final int BATCH = 50_000;

	private PatientLoader() {
	}

	/** Loads {@code patients} rows into intake's register, telling {@code progress} after each batch. */
	static void load(Stack stack, int patients, long seed, java.util.function.Consumer<String> progress) {
		try (Connection db = DriverManager.getConnection(stack.jdbcUrl("intake"), "postgres", "postgres");
				var insert = db.prepareStatement("""
						insert into patient (id, mrn, given_name, family_name, birth_date, phone, status, version,
						                     created_at)
						select gen_random_uuid(), 'MRN-' || lpad(m::text, greatest(6, length(m::text)), '0'),
						       (?::text[])[1 + h[1] % cardinality(?::text[])],
						       initcap((?::text[])[1 + h[2] % cardinality(?::text[])]
						               || (?::text[])[1 + h[3] % cardinality(?::text[])]
						               || case when h[4] % 3 = 0 then (?::text[])[1 + h[5] % cardinality(?::text[])]
						                  else '' end),
						       date '1940-01-01' + (h[6] % (65 * 365))::int,
						       '+41 79 ' || lpad((h[7] % 10000000)::text, 7, '0'),
						       'REFERRED', 1, now()
						from generate_series(?::bigint, ?::bigint) i,
						     lateral (select array(select ('x' || lpad(substr(md5(? || ':' || i || ':' || k), 1, 8), 16, '0'))::bit(64)::bigint
						                           from generate_series(1, 7) k) as h,
						                     nextval('patient_mrn_seq') as m) r""")) {
			var given = db.createArrayOf("text", ClinicChain.GIVEN);
			var syllables = db.createArrayOf("text", ClinicChain.SYLLABLES);
			for (long from = 1; from <= patients; from += BATCH) {
				long to = Math.min(patients, from + BATCH - 1);
				insert.setArray(1, given);
				insert.setArray(2, given);
				for (int i = 3; i <= 8; i++) {
					insert.setArray(i, syllables);
				}
				insert.setLong(9, from);
				insert.setLong(10, to);
				insert.setString(11, Long.toString(seed));
				insert.executeUpdate();
				progress.accept(to + " of " + patients + " patients loaded into intake's register");
			}
			try (var analyze = db.createStatement()) {
				analyze.execute("analyze patient");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("loading patients into intake's register", e);
		}
	}
}
