package clinic.platform.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;

/**
 * Named parameters read from a record and the records it holds, by path: {@code :checkIn.checkedInBy} is
 * {@code record.checkIn().checkedInBy()}, and null when {@code checkIn()} is (a part of the aggregate not reached yet
 * is SQL null in every column of it). Instants go as timestamps, enums by name, and each parameter's SQL type comes
 * from the record component's declared type, so a null is typed too. Parameters that are not on the record are added
 * with {@link #with}.
 */
public final class RecordParameters extends AbstractSqlParameterSource {

	private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

	private final Object root;

	private final Map<String, @Nullable Object> extra = new HashMap<>();

	private RecordParameters(Object root) {
		if (!root.getClass().isRecord()) {
			throw new IllegalArgumentException(root.getClass() + " is not a record");
		}
		this.root = root;
	}

	public static RecordParameters of(Object record) {
		return new RecordParameters(record);
	}

	/** A parameter that is not read from the record (it wins over a component of the same name). */
	public RecordParameters with(String name, @Nullable Object value) {
		extra.put(name, value);
		return this;
	}

	@Override
	public boolean hasValue(String paramName) {
		if (extra.containsKey(paramName)) {
			return true;
		}
		Class<?> type = root.getClass();
		for (var name : paramName.split("\\.")) {
			var accessor = type.isRecord() ? accessors(type).get(name) : null;
			if (accessor == null) {
				return false;
			}
			type = accessor.getReturnType();
		}
		return true;
	}

	@Override
	public @Nullable Object getValue(String paramName) {
		if (extra.containsKey(paramName)) {
			return extra.get(paramName);
		}
		if (!hasValue(paramName)) {
			throw new IllegalArgumentException("No parameter " + paramName + " on " + root.getClass().getSimpleName());
		}
		Object value = root;
		for (var name : paramName.split("\\.")) {
			if (value == null) {
				return null;
			}
			value = read(value, accessors(value.getClass()).get(name));
		}
		return value instanceof Instant instant ? Timestamps.timestamp(instant)
				: value instanceof Enum<?> e ? e.name() : value;
	}

	@Override
	public int getSqlType(String paramName) {
		var registered = super.getSqlType(paramName);
		if (registered != TYPE_UNKNOWN || extra.containsKey(paramName) || !hasValue(paramName)) {
			return registered;
		}
		Class<?> type = root.getClass();
		for (var name : paramName.split("\\.")) {
			type = accessors(type).get(name).getReturnType();
		}
		return sqlType(type);
	}

	private static int sqlType(Class<?> type) {
		if (type == String.class || type.isEnum()) {
			return Types.VARCHAR;
		}
		if (type == Instant.class) {
			return Types.TIMESTAMP;
		}
		if (type == LocalDate.class) {
			return Types.DATE;
		}
		if (type == BigDecimal.class) {
			return Types.NUMERIC;
		}
		if (type == Integer.class || type == int.class) {
			return Types.INTEGER;
		}
		if (type == Long.class || type == long.class) {
			return Types.BIGINT;
		}
		if (type == Boolean.class || type == boolean.class) {
			return Types.BOOLEAN;
		}
		if (type == UUID.class) {
			return Types.OTHER;
		}
		return TYPE_UNKNOWN;
	}

	private static Map<String, Method> accessors(Class<?> type) {
		return ACCESSORS.computeIfAbsent(type, t -> {
			var byName = new HashMap<String, Method>();
			for (RecordComponent component : t.getRecordComponents()) {
				var accessor = component.getAccessor();
				accessor.setAccessible(true);
				byName.put(component.getName(), accessor);
			}
			return Map.copyOf(byName);
		});
	}

	private static @Nullable Object read(Object record, Method accessor) {
		try {
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("Cannot read " + accessor.getName() + " of " + record.getClass(), e);
		}
	}
}
