package clinic.platform.audit;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * What a service tells the audit trail about the API call it is serving, where the trail cannot see it by itself:
 * the patient of an answer that is not a record (a printable page, JSON written ahead), or the status a change will
 * answer with when its handler returns a {@code ResponseEntity}. Outside an API call these do nothing.
 */
public final class AuditedCall {

	/** How deep an answer is searched for patients: records in lists in records, and no further. */
	private static final int DEPTH = 6;

	private AuditedCall() {
	}

	/** The call concerns this patient. */
	public static void concerns(@Nullable UUID patientId) {
		var entry = AuditEntry.current();
		if (entry != null && patientId != null) {
			entry.patients.add(patientId);
		}
	}

	/**
	 * The call concerns every patient named in {@code answer}: record components named {@code patientId} or marked
	 * {@link AuditedPatient}, in records, collections, maps and problem details, at any depth up to six.
	 */
	public static void concernsPatientsIn(@Nullable Object answer) {
		var entry = AuditEntry.current();
		if (entry != null) {
			collect(answer, entry.patients, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
		}
	}

	/** The change being made answers with this status once it is committed (201 for a record opened). */
	public static void willAnswer(int status) {
		var entry = AuditEntry.current();
		if (entry != null) {
			entry.expectedStatus = status;
		}
	}

	static void collect(@Nullable Object value, Set<UUID> patients, int depth, Set<Object> seen) {
		if (value == null || depth > DEPTH || !seen.add(value)) {
			return;
		}
		if (value instanceof Collection<?> items) {
			items.forEach(item -> collect(item, patients, depth + 1, seen));
		}
		else if (value instanceof Object[] items) {
			for (var item : items) {
				collect(item, patients, depth + 1, seen);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach(item -> collect(item, patients, depth + 1, seen));
		}
		else if (value instanceof Optional<?> optional) {
			collect(optional.orElse(null), patients, depth, seen);
		}
		else if (value instanceof ProblemDetail problem) {
			collect(problem.getProperties(), patients, depth + 1, seen);
		}
		else if (value.getClass().isRecord()) {
			for (var component : value.getClass().getRecordComponents()) {
				var item = read(component, value);
				if (item instanceof UUID id) {
					if (component.getName().equals("patientId") || component.isAnnotationPresent(AuditedPatient.class)) {
						patients.add(id);
					}
				}
				else {
					collect(item, patients, depth + 1, seen);
				}
			}
		}
	}

	private static @Nullable Object read(RecordComponent component, Object record) {
		try {
			var accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException | RuntimeException unreadable) {
			return null;
		}
	}
}
