package clinic.platform.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link PatientsOfPath} that looks the patient up with one query per path prefix. Each prefix ends in the path
 * variable holding the id ({@code /api/session/records/{id}}), and its query takes that id as its one parameter
 * ({@code select patient_id from session_record where id = ?}). The prefix covers the operation it names and every
 * operation under it ({@code /api/session/records/{id}/summary}); where two prefixes cover an operation, the longer
 * one is asked. An id that is not a UUID, or that the query does not find, names no patient.
 *
 * <pre>{@code
 * @Component
 * class RecordPatientsOfPath extends SqlPatientsOfPath {
 *     RecordPatientsOfPath(JdbcClient jdbc) {
 *         super(jdbc, Map.of("/api/session/records/{id}", "select patient_id from session_record where id = ?"));
 *     }
 * }
 * }</pre>
 */
public class SqlPatientsOfPath implements PatientsOfPath {

	private static final Pattern LAST_VARIABLE = Pattern.compile("\\{([^/{}]+)}$");

	private record Lookup(String prefix, String variable, String sql) {

		boolean covers(String pattern) {
			return pattern.equals(prefix) || pattern.startsWith(prefix + "/");
		}
	}

	private final JdbcClient jdbc;

	private final List<Lookup> lookups;

	/**
	 * @param sqlByPrefix per path prefix ending in a path variable, the query that finds the patient of that
	 * variable's id
	 * @throws IllegalArgumentException for a prefix that does not end in a path variable
	 */
	public SqlPatientsOfPath(JdbcClient jdbc, Map<String, String> sqlByPrefix) {
		this.jdbc = jdbc;
		this.lookups = sqlByPrefix.entrySet().stream().map(entry -> {
			var variable = LAST_VARIABLE.matcher(entry.getKey());
			if (!variable.find()) {
				throw new IllegalArgumentException(
						"A prefix ends in the path variable holding the id, not '" + entry.getKey() + "'");
			}
			return new Lookup(entry.getKey(), variable.group(1), entry.getValue());
		}).sorted(Comparator.comparingInt((Lookup lookup) -> lookup.prefix().length()).reversed()).toList();
	}

	@Override
	public Optional<UUID> patientOf(String pattern, Map<String, String> variables) {
		return lookups.stream()
			.filter(lookup -> lookup.covers(pattern))
			.findFirst()
			.flatMap(lookup -> uuid(variables.get(lookup.variable()))
				.flatMap(id -> jdbc.sql(lookup.sql()).param(id).query(UUID.class).optional()));
	}

	private static Optional<UUID> uuid(@Nullable String id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}
}
